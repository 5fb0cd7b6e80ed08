using System.Text.Json.Nodes;

namespace RolePlay.Teams.Tests.Infrastructure;

/// <summary>Teams-shaped activities for the tests, modelled on the real payloads.</summary>
public static class Activities
{
    public const string BotId = "28:" + BotHost.AppId;
    public const string UserId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZ";
    public const string PersonalConversation = "a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0W";
    public const string ChannelConversation = "19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856";
    public const string GroupConversation = "19:meeting_group@thread.v2";
    private static int _ids;

    public static JsonObject Base(string type, string serviceUrl, string conversationId = PersonalConversation, string conversationType = "personal",
        string tenant = BotHost.TenantId)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"act-{Interlocked.Increment(ref _ids)}",
            ["timestamp"] = "2026-11-25T10:00:00.000Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Megan Bowen", ["aadObjectId"] = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8" },
            ["conversation"] = new JsonObject { ["conversationType"] = conversationType, ["id"] = conversationId, ["tenantId"] = tenant },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "RolePlay" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
            ["locale"] = "en-US",
        };
        if (conversationType == "channel")
        {
            activity["conversation"]!["isGroup"] = true;
            activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team-id@thread.tacv2" };
            activity["channelData"]!["channel"] = new JsonObject { ["id"] = "19:6848757105754c8981c67612732d9aa7@thread.tacv2" };
        }

        return activity;
    }

    public static JsonObject Message(string serviceUrl, string text, string conversationId = PersonalConversation, string conversationType = "personal",
        string tenant = BotHost.TenantId)
    {
        var activity = Base("message", serviceUrl, conversationId, conversationType, tenant);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>A message that @mentions the bot, as group chats and channels deliver it.</summary>
    public static JsonObject Mention(string serviceUrl, string text, string conversationId, string conversationType)
    {
        var activity = Message(serviceUrl, $"<at>RolePlay</at> {text}", conversationId, conversationType);
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = "<at>RolePlay</at>", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "RolePlay" } },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "Europe/Berlin" });
        return activity;
    }

    public static JsonObject Submit(string serviceUrl, JsonObject value)
    {
        var activity = Base("message", serviceUrl);
        activity["value"] = value;
        activity["replyToId"] = "card-message-1";
        return activity;
    }

    public static JsonObject Execute(string serviceUrl, string verb, JsonObject data)
    {
        var activity = Base("invoke", serviceUrl);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "card-message-2";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public static JsonObject Reaction(string serviceUrl, string[] added, string[] removed)
    {
        var activity = Base("messageReaction", serviceUrl, ChannelConversation, "channel");
        activity["replyToId"] = "1575667808184";
        activity["reactionsAdded"] = new JsonArray(added.Select(t => (JsonNode?)new JsonObject { ["type"] = t }).ToArray());
        activity["reactionsRemoved"] = new JsonArray(removed.Select(t => (JsonNode?)new JsonObject { ["type"] = t }).ToArray());
        return activity;
    }
}
