using System.Text.Json.Nodes;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>Teams-shaped activities from one person in their 1:1 chat with the bot, modelled on the real payloads
/// (msteams channel, tenant in channelData, ids unique per activity).</summary>
internal sealed class TeamsActivities(string serviceUrl, string userId)
{
    public const string BotId = "28:" + TeamsHost.AppId;
    private int _ids;

    public string UserId => userId;

    public string ConversationId => "a:1:1-" + userId;

    public JsonObject Base(string type) => new()
    {
        ["type"] = type,
        ["id"] = $"f:{userId}-{Interlocked.Increment(ref _ids)}",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Megan Bowen", ["aadObjectId"] = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = ConversationId, ["tenantId"] = TeamsHost.TenantId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "RolePlay" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId } },
        ["locale"] = "en-US",
    };

    public JsonObject Message(string text)
    {
        var activity = Base("message");
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>A file sent in the personal chat, as Teams delivers it to a bot with <c>supportsFiles</c> ("Send and
    /// receive files using bot"): a <c>file.download.info</c> attachment whose content holds the pre-authorised
    /// <c>downloadUrl</c>, the OneDrive <c>uniqueId</c> and the <c>fileType</c> extension, beside the message's empty
    /// HTML body.</summary>
    public JsonObject File(string name, string downloadUrl, string fileType)
    {
        var activity = Base("message");
        activity["text"] = "";
        activity["textFormat"] = "plain";
        activity["attachments"] = new JsonArray(
            new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["contentUrl"] = $"https://contoso-my.sharepoint.com/personal/megan_contoso_com/Documents/Microsoft Teams Chat Files/{name}",
                ["name"] = name,
                ["content"] = new JsonObject
                {
                    ["downloadUrl"] = downloadUrl,
                    ["uniqueId"] = Guid.NewGuid().ToString().ToUpperInvariant(),
                    ["fileType"] = fileType,
                    ["etag"] = "\"{" + Guid.NewGuid().ToString().ToUpperInvariant() + "},1\"",
                },
            },
            new JsonObject { ["contentType"] = "text/html", ["content"] = "<p></p>" });
        return activity;
    }

    /// <summary>Action.Submit: Teams posts a message whose <c>value</c> is the action's data merged with the inputs.</summary>
    public JsonObject Submit(string cardActivityId, JsonObject data, JsonObject inputs)
    {
        var value = (JsonObject)data.DeepClone();
        foreach (var (key, input) in inputs)
        {
            value[key] = input?.DeepClone();
        }

        var activity = Base("message");
        activity["replyToId"] = cardActivityId;
        activity["value"] = value;
        return activity;
    }

    /// <summary>Action.Execute: an <c>adaptiveCard/action</c> invoke carrying the verb and the data merged with inputs.</summary>
    public JsonObject Execute(string cardActivityId, string verb, JsonObject data, JsonObject inputs)
    {
        var merged = (JsonObject)data.DeepClone();
        foreach (var (key, input) in inputs)
        {
            merged[key] = input?.DeepClone();
        }

        var activity = Base("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardActivityId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = merged },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>The bot added to the person's personal scope (what Teams sends on install).</summary>
    public JsonObject ConversationUpdateBotAdded()
    {
        var activity = Base("conversationUpdate");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    /// <summary>A message in a team's channel (or one of its threads: a conversation id ending ";messageid=…") that
    /// mentions the bot, as Teams sends it.</summary>
    public JsonObject ChannelMessage(string conversationId, string teamId, string text)
    {
        var activity = Message("<at>RolePlay</at> " + text);
        InTeam(activity, conversationId, teamId);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>RolePlay</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "RolePlay" },
        });
        return activity;
    }

    /// <summary>A reaction added to (or taken back from) one of the bot's messages in a channel. Teams names the
    /// channel, not the thread, and the message only by <c>replyToId</c> (see payloads/teams/messageReaction_*.json).</summary>
    public JsonObject Reaction(string channelId, string teamId, string replyToId, string type, bool added = true)
    {
        var activity = Base("messageReaction");
        InTeam(activity, channelId, teamId);
        activity["replyToId"] = replyToId;
        activity[added ? "reactionsAdded" : "reactionsRemoved"] = new JsonArray(new JsonObject { ["type"] = type });
        return activity;
    }

    /// <summary>Moves <paramref name="activity"/> into a team's channel.</summary>
    public static JsonObject InChannel(JsonObject activity, string conversationId, string teamId)
    {
        InTeam(activity, conversationId, teamId);
        return activity;
    }

    private static void InTeam(JsonObject activity, string conversationId, string teamId)
    {
        var channelId = conversationId.Split(";messageid=")[0];
        activity["conversation"] = new JsonObject
        {
            ["conversationType"] = "channel", ["id"] = conversationId, ["isGroup"] = true, ["tenantId"] = TeamsHost.TenantId,
        };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId },
            ["team"] = new JsonObject { ["id"] = teamId },
            ["channel"] = new JsonObject { ["id"] = channelId },
        };
    }

    public JsonObject InstallationUpdate(string action)
    {
        var activity = Base("installationUpdate");
        activity["action"] = action;
        return activity;
    }
}
