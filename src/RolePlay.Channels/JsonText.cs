using System.Text.Json;

namespace RolePlay.Channels;

/// <summary>What JSON can carry and .NET cannot read: an escaped lone surrogate (<c>"\ud800"</c>) in a name or string
/// is valid JSON text, holds no valid UTF-16, and throws in whichever reader meets it first. The channels check a
/// payload's raw parts with this at the boundary, so a bad one is a 400 there, never a 500 deeper in.</summary>
public static class JsonText
{
    public static bool IsReadable(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && IsReadable(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(IsReadable),
                JsonValueKind.String => element.GetString() is not null,
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
