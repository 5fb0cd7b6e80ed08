namespace RolePlay.Teams.Protocol;

/// <summary>A Teams channel conversation id that names a thread: "19:…@thread.tacv2;messageid=1759881511856" is
/// the thread whose root message is 1759881511856 in channel "19:…@thread.tacv2". Inside a thread every message
/// carries the suffixed id; a new post and a reaction carry the bare channel id.</summary>
public static class ThreadedConversationId
{
    private const string Marker = ";messageid=";

    /// <summary>The channel part: the id without its thread.</summary>
    public static string Channel(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var at = conversationId.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? conversationId[..at] : conversationId;
    }

    /// <summary>The thread's root message id, or null for a bare channel (or personal) id.</summary>
    public static string? Thread(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var at = conversationId.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? conversationId[(at + Marker.Length)..] : null;
    }

    /// <summary>The id of <paramref name="thread"/> in <paramref name="channel"/>, or the bare channel without one.</summary>
    public static string Of(string channel, string? thread) => thread is null ? Channel(channel) : $"{Channel(channel)}{Marker}{thread}";
}
