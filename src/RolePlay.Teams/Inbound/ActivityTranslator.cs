using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlay.AdaptiveCards;
using RolePlay.Core;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Inbound;

/// <summary>What one inbound activity means for the product: zero or more neutral events (a reaction activity can
/// carry several), or a reason it is unusable.</summary>
public sealed record Translation(IReadOnlyList<IncomingEvent> Events, string? Problem = null)
{
    public static Translation Ignored { get; } = new([]);

    public static Translation Invalid(string problem) => new([], problem);
}

/// <summary>Turns Teams activities into the channel-neutral events the router understands.</summary>
public static class ActivityTranslator
{
    public static readonly Platform Platform = new("teams");

    /// <summary>A new team's reactions: Teams reactions are a fixed set (like, heart, laugh, surprised, sad, angry).</summary>
    public static readonly ReactionDefaults DefaultReactions = new(Platform, EmpathyWin: "heart", Recognition: "like");

    public static bool IsHandled(Activity activity) => activity.Type switch
    {
        ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.MessageReaction => true,
        ActivityTypes.Invoke => IsCardAction(activity),
        _ => false,
    };

    public static bool IsCardAction(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && activity.Name == "adaptiveCard/action";

    /// <summary>The fields every handled activity needs: the first that is missing, is not a usable id, or is a list
    /// with a null entry.</summary>
    public static string? FindMissingField(Activity activity, TeamsChannelData channelData)
    {
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            return "serviceUrl";
        }

        if (!KeyText.IsUsable(activity.From?.Id))
        {
            return "from.id";
        }

        if (activity.From!.AadObjectId is { } objectId && !KeyText.IsUsable(objectId))
        {
            return "from.aadObjectId";
        }

        if (!KeyText.IsUsable(activity.Recipient?.Id))
        {
            return "recipient.id";
        }

        if (!KeyText.IsUsable(activity.Conversation?.Id))
        {
            return "conversation.id";
        }

        if (!KeyText.IsUsable(TenantOf(activity, channelData)))
        {
            return "channelData.tenant.id";
        }

        // Optional ids that still become keys (a team, a channel, the message a reaction or card answers).
        foreach (var (name, id) in new[] { ("channelData.team.id", channelData.TeamId), ("channelData.channel.id", channelData.ChannelId), ("replyToId", activity.ReplyToId) })
        {
            if (id is not null && !KeyText.IsUsable(id))
            {
                return name;
            }
        }

        // JSON allows [null] in any list; no entry of these may be empty, and a null one would be read later.
        foreach (var (name, items) in new (string, IEnumerable<object?>?)[]
                 {
                     ("entities", activity.Entities), ("attachments", activity.Attachments), ("membersAdded", activity.MembersAdded),
                     ("membersRemoved", activity.MembersRemoved), ("reactionsAdded", activity.ReactionsAdded),
                     ("reactionsRemoved", activity.ReactionsRemoved),
                 })
        {
            if (items?.Contains(null) == true)
            {
                return $"{name} (a null entry)";
            }
        }

        return null;
    }


    public static string? TenantOf(Activity activity, TeamsChannelData channelData) =>
        channelData.TenantId ?? activity.Conversation?.TenantId;

    /// <summary>Translates a handled activity whose required fields are present (see <see cref="FindMissingField"/>).</summary>
    public static Translation Translate(Activity activity, TeamsChannelData channelData, DateTimeOffset now)
    {
        var tenant = TenantOf(activity, channelData)!;
        var from = new ChannelUser(Platform, tenant, activity.From!.Id!, activity.From.Name);
        var conversation = AddressOf(activity, channelData, tenant);
        var at = activity.Timestamp ?? now;

        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.Value is { ValueKind: JsonValueKind.Object } value:
                return Single(Submitted(from, conversation, at, value, activity.ReplyToId));
            case ActivityTypes.Message when conversation.Kind == ConversationKind.Personal && AudioFiles(activity) is { Count: > 0 } files:
                return new Translation([.. files.Select(file => new AudioFileReceived(from, conversation, at, file))]);
            case ActivityTypes.Message:
                return Single(new MessageReceived(from, conversation, at, StripBotMentions(activity), activity.Id));
            case ActivityTypes.Invoke:
                return TranslateCardAction(activity, from, conversation, at);
            case ActivityTypes.ConversationUpdate:
                return activity.MembersAdded?.Any(m => IsThisBot(m, activity, conversation.Kind)) == true
                    ? Single(new BotInstalled(from, conversation, at))
                    : Translation.Ignored;
            case ActivityTypes.InstallationUpdate:
                return string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase)
                    ? Single(new BotInstalled(from, conversation, at))
                    : Translation.Ignored;
            case ActivityTypes.MessageReaction:
                return TranslateReactions(activity, from, conversation, at);
            default:
                return Translation.Ignored;
        }
    }

    /// <summary>The added member is this bot: its id is the recipient's. In a 1:1 chat any bot id ("28:...") can only
    /// be this bot, which covers payloads whose recipient id is written differently from the member id.</summary>
    private static bool IsThisBot(ChannelAccount member, Activity activity, ConversationKind kind) =>
        string.Equals(member.Id, activity.Recipient!.Id, StringComparison.Ordinal)
        || (kind == ConversationKind.Personal && member.Id?.StartsWith("28:", StringComparison.Ordinal) == true);

    /// <summary>Removes every mention of the bot (<c>&lt;at&gt;Bot&lt;/at&gt;</c>, matched case-insensitively) and trims.</summary>
    public static string StripBotMentions(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Type == "mention" && entity.Mentioned?.Id == activity.Recipient?.Id && !string.IsNullOrEmpty(entity.Text))
            {
                text = text.Replace(entity.Text, "", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }

    /// <summary>Teams gives a file sent to the bot in a personal chat as a <c>file.download.info</c> attachment (its
    /// <c>content</c>: <c>downloadUrl</c>, <c>uniqueId</c>, <c>fileType</c>, the extension); files of the audio types
    /// a clip can be are taken, by that extension alone (the bytes are sniffed when one is kept).</summary>
    public static IReadOnlyList<ClipFile> AudioFiles(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. (activity.Attachments ?? [])
            .Where(a => a.ContentType == FileDownloadInfo && a.Content is JsonObject)
            .Select(a => (Content: (JsonObject)a.Content!, a.Name))
            .Where(a => a.Content["fileType"] is JsonValue type && type.TryGetValue<string>(out var t) && AudioSniffer.FileTypes.Contains(t)
                        && a.Content["downloadUrl"] is JsonValue url && url.TryGetValue<string>(out var u) && u.Length > 0)
            .Select(a => new ClipFile(a.Content["downloadUrl"]!.GetValue<string>(), string.IsNullOrWhiteSpace(a.Name) ? "your file" : a.Name))];
    }

    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    private static Translation TranslateCardAction(Activity activity, ChannelUser from, ConversationAddress conversation, DateTimeOffset at)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return Translation.Invalid("value.action");
        }

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var values = Flatten(data);
        var verb = action.TryGetProperty(AdaptiveCardRenderer.VerbKey, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : null;
        verb ??= values.GetValueOrDefault(AdaptiveCardRenderer.VerbKey) ?? "";
        values.Remove(AdaptiveCardRenderer.VerbKey);
        return Single(new CardSubmitted(from, conversation, at, verb, values, activity.ReplyToId));
    }

    private static CardSubmitted Submitted(ChannelUser from, ConversationAddress conversation, DateTimeOffset at, JsonElement value, string? cardMessageId)
    {
        var values = Flatten(value);
        var verb = values.GetValueOrDefault(AdaptiveCardRenderer.VerbKey) ?? "";
        values.Remove(AdaptiveCardRenderer.VerbKey);
        return new CardSubmitted(from, conversation, at, verb, values, cardMessageId);
    }

    private static Translation TranslateReactions(Activity activity, ChannelUser from, ConversationAddress conversation, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(activity.ReplyToId))
        {
            return Translation.Invalid("replyToId");
        }

        var events = new List<IncomingEvent>();
        foreach (var (reactions, added) in new[] { (activity.ReactionsAdded, true), (activity.ReactionsRemoved, false) })
        {
            foreach (var reaction in reactions ?? [])
            {
                if (!string.IsNullOrWhiteSpace(reaction.Type))
                {
                    events.Add(new ReactionChanged(from, conversation, at, activity.ReplyToId, reaction.Type, added));
                }
            }
        }

        return new Translation(events);
    }

    private static ConversationAddress AddressOf(Activity activity, TeamsChannelData channelData, string tenant)
    {
        var conversation = activity.Conversation!;
        var kind = conversation.ConversationType switch
        {
            "personal" => ConversationKind.Personal,
            "groupChat" => ConversationKind.Group,
            "channel" => ConversationKind.Channel,
            _ when channelData.ChannelId is not null || channelData.TeamId is not null => ConversationKind.Channel,
            _ when conversation.IsGroup == true => ConversationKind.Group,
            _ => ConversationKind.Personal,
        };

        var id = conversation.Id!;
        return new ConversationAddress(Platform, tenant, id, kind, ThreadedConversationId.Thread(id), channelData.TeamId);
    }

    /// <summary>Card data as strings: strings as they are, other values as their JSON text (numbers, booleans,
    /// arrays and objects).</summary>
    private static Dictionary<string, string> Flatten(JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var property in data.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Null => "",
                _ => property.Value.GetRawText(),
            };
        }

        return values;
    }

    private static Translation Single(IncomingEvent incoming) => new([incoming]);
}
