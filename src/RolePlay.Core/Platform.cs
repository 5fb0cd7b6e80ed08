using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlay.Core;

/// <summary>A chat platform the bot serves, by its stable lower-case id. The id starts every stored key, so it never
/// changes once chosen. Core names no platform: each channel adapter declares its own ("teams", "slack", "studio").
/// A string converts implicitly, checked, so stored ids and test data read as they always did.</summary>
[JsonConverter(typeof(PlatformJsonConverter))]
public sealed record Platform
{
    public Platform(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 32 || !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException($"A platform id is 1 to 32 lower-case letters, digits or '-', got '{id}'.", nameof(id));
        }

        Id = id;
    }

    public string Id { get; }

    public override string ToString() => Id;

    public static implicit operator Platform(string id) => new(id);
}

/// <summary>Writes a platform as its bare id, as stored JSON always held it.</summary>
public sealed class PlatformJsonConverter : JsonConverter<Platform>
{
    public override Platform Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A platform id must be a string."));

    public override void Write(Utf8JsonWriter writer, Platform value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Id);
    }
}
