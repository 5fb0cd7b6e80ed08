using System.Text.Json;

namespace RolePlay.Slack.Inbound.Payloads;

/// <summary>The <c>event</c> of an event callback, one record per kind the bot handles. The fields every kind may carry
/// sit here: who acted (<c>user</c>, or <c>bot_id</c> for a bot) and when (<c>ts</c>, <c>event_ts</c>).</summary>
public abstract record SlackEvent
{
    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Ts { get; init; }

    public string? EventTs { get; init; }

    internal static SlackEvent Read(JsonElement evt)
    {
        var type = evt.Str("type")!;
        SlackEvent kind = type switch
        {
            "message" => new SlackMessageEvent(evt.Str("channel"), evt.Str("channel_type"), evt.Str("subtype"), evt.Str("text"), evt.Str("thread_ts"))
            {
                Files = [.. evt.Array("files").Where(f => f.ValueKind == JsonValueKind.Object).Select(SlackFile.Read)],
            },
            "app_mention" => new SlackAppMentionEvent(evt.Str("channel"), evt.Str("text"), evt.Str("thread_ts")),
            "reaction_added" or "reaction_removed" => new SlackReactionEvent(type == "reaction_added", evt.Str("reaction"), evt.Str("item_user"),
                new SlackReactionItem(evt.Obj("item").Str("type"), evt.Obj("item").Str("channel"), evt.Obj("item").Str("ts"))),
            "app_home_opened" => new SlackAppHomeOpenedEvent(evt.Str("channel"), evt.Str("tab")),
            "member_joined_channel" => new SlackMemberJoinedChannelEvent(evt.Str("channel"), evt.Str("channel_type"), evt.Str("inviter")),
            "app_uninstalled" => new SlackAppUninstalledEvent(),
            "tokens_revoked" => new SlackTokensRevokedEvent(Strings(evt.Obj("tokens"), "oauth"), Strings(evt.Obj("tokens"), "bot")),
            _ => new SlackUnhandledEvent(type),
        };
        return kind with { User = evt.Str("user"), BotId = evt.Str("bot_id"), Ts = evt.Str("ts"), EventTs = evt.Str("event_ts") };
    }

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.Array(name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
}

/// <summary><c>message</c>: the bot handles the plain ones (no <c>subtype</c>) in its DMs (<c>channel_type: im</c>), and
/// <c>file_share</c> ones there that carry audio.</summary>
public sealed record SlackMessageEvent(string? Channel, string? ChannelType, string? Subtype, string? Text, string? ThreadTs) : SlackEvent
{
    public IReadOnlyList<SlackFile> Files { get; init; } = [];
}

/// <summary>A shared file as a message event describes it. <see cref="UrlPrivateDownload"/> and <see cref="UrlPrivate"/>
/// need the bot token (scope <c>files:read</c>); both are missing where Slack withholds the file (<c>mode</c>
/// <c>tombstone</c>, <c>hidden_by_limit</c>, or a Slack Connect file that needs <c>files.info</c> first).</summary>
public sealed record SlackFile(string? Id, string? Name, string? Mimetype, string? Filetype, long? Size, string? UrlPrivate, string? UrlPrivateDownload)
{
    internal static SlackFile Read(JsonElement file) => new(file.Str("id"), file.Str("name"), file.Str("mimetype"), file.Str("filetype"),
        file.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var bytes) ? bytes : null,
        file.Str("url_private"), file.Str("url_private_download"));
}

/// <summary><c>app_mention</c>: someone wrote <c>&lt;@bot&gt;</c> in a channel.</summary>
public sealed record SlackAppMentionEvent(string? Channel, string? Text, string? ThreadTs) : SlackEvent;

/// <summary><c>reaction_added</c> (<see cref="Added"/>) or <c>reaction_removed</c>; <see cref="ItemUser"/> wrote the message.</summary>
public sealed record SlackReactionEvent(bool Added, string? Reaction, string? ItemUser, SlackReactionItem Item) : SlackEvent;

/// <summary>What was reacted to: a message is its channel and ts.</summary>
public sealed record SlackReactionItem(string? Type, string? Channel, string? Ts);

/// <summary><c>app_home_opened</c>; <see cref="Tab"/> is <c>home</c> or <c>messages</c>.</summary>
public sealed record SlackAppHomeOpenedEvent(string? Channel, string? Tab) : SlackEvent;

/// <summary><c>member_joined_channel</c>: <see cref="SlackEvent.User"/> joined, invited by <see cref="Inviter"/>.</summary>
public sealed record SlackMemberJoinedChannelEvent(string? Channel, string? ChannelType, string? Inviter) : SlackEvent;

/// <summary><c>app_uninstalled</c>: every token of the workspace is gone.</summary>
public sealed record SlackAppUninstalledEvent : SlackEvent;

/// <summary><c>tokens_revoked</c>: the user (<c>oauth</c>) and bot token owners whose tokens were revoked.</summary>
public sealed record SlackTokensRevokedEvent(IReadOnlyList<string> OAuth, IReadOnlyList<string> Bot) : SlackEvent;

/// <summary>Any other event type: acknowledged and ignored.</summary>
public sealed record SlackUnhandledEvent(string Type) : SlackEvent;
