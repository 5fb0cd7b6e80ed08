using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlay.Storage.Rows;

/// <summary>How records become row bodies: camelCase JSON, enums by name (stable across enum reordering).</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(StoredRow row) => Read<T>(row.Body);

    public static T Read<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Options) ?? throw new InvalidDataException("A stored row holds JSON null.");
}
