using System.Net;
using System.Text.Json.Nodes;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>Replies the router aims at another conversation reach it through the real Teams adapter: a shared
/// transcript lands in the team's standup channel, not in the person's chat.</summary>
public sealed class TeamsChannelTests : IAsyncLifetime
{
    private const string Channel = "19:standup-channel@thread.tacv2";
    private readonly string _dataDir = Directory.CreateTempSubdirectory("roleplay-teams-channel-").FullName;
    private KeyServer _keys = null!;
    private FakeConnector _connector = null!;
    private TeamsHost _bot = null!;

    public async Task InitializeAsync()
    {
        _keys = await KeyServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _bot = await TeamsHost.StartAsync(Path.Combine(_dataDir, "roleplay.db"), _keys, _connector);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _keys.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task A_shared_practice_is_posted_to_the_team_standup_channel()
    {
        var person = new TeamsActivities(_connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        var inChannel = new SentActivities(_connector, Channel);
        var inChat = new SentActivities(_connector, person.ConversationId);

        await OkAsync(InChannel(person, "<at>RolePlay</at> team standup 09:15"));
        Assert.Contains(inChannel.Texts, t => t.Contains("09:15", StringComparison.Ordinal));

        await OkAsync(person.Message("start late-delivery-birthday"));
        await OkAsync(person.Message("I'm so sorry, that sounds really stressful. What happened with the order?"));
        await OkAsync(person.Message("/end"));
        var cardsBefore = inChannel.Cards.Count();

        await OkAsync(person.Message("share"));

        Assert.Equal(cardsBefore + 1, inChannel.Cards.Count());
        Assert.Contains(inChat.Texts, t => t.StartsWith("Shared with your team", StringComparison.Ordinal));
    }

    /// <summary>A channel message that mentions the bot, as Teams sends it.</summary>
    private static JsonObject InChannel(TeamsActivities person, string text)
    {
        var activity = person.Message(text);
        activity["conversation"] = new JsonObject
        {
            ["conversationType"] = "channel", ["id"] = Channel, ["isGroup"] = true, ["tenantId"] = TeamsHost.TenantId,
        };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId },
            ["team"] = new JsonObject { ["id"] = "19:team-general@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = Channel },
        };
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>RolePlay</at>",
            ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "RolePlay" },
        });
        return activity;
    }

    private async Task OkAsync(JsonObject activity)
    {
        using var response = await _bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
