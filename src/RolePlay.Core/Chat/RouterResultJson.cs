using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlay.Core.Chat;

/// <summary>A <see cref="RouterResult"/> as JSON: the answer a channel records before sending it (the durable inbox), so
/// that after a crash the same answer is sent again rather than the event handled a second time.</summary>
public static class RouterResultJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(RouterResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Throws <see cref="JsonException"/> for text that is not a recorded answer.</summary>
    public static RouterResult Read(string json) =>
        JsonSerializer.Deserialize<RouterResult>(json, Options) ?? throw new JsonException("A recorded answer holds JSON null.");
}
