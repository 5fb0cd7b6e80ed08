using System.Net;
using System.Text.Json.Nodes;
using RolePlay.Bot.Tests.Teams;
using RolePlay.Testing.Models;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Voice;

/// <summary>The model voice through the real Teams adapter: the customer's lines in the model's words, the customer
/// shown typing while they are worded, the reply streamed.</summary>
public sealed class TeamsModelVoiceTests : IAsyncLifetime
{
    private const string Channel = "19:night-desk@thread.tacv2";
    private const string Team = "19:team-night@thread.tacv2";

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-teams-voice-").FullName;
    private KeyServer _keys = null!;
    private FakeConnector _connector = null!;
    private FakeChatCompletions _model = null!;
    private TeamsHost _bot = null!;

    public async Task InitializeAsync()
    {
        _keys = await KeyServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _model = await FakeChatCompletions.StartAsync("sk-teams-0123456789");
        _model.Fallback = ChatScript.Slow(TimeSpan.FromMilliseconds(300), DraftWording.Script);
        _bot = await TeamsHost.StartAsync(Path.Combine(_dir, "roleplay.db"), _keys, _connector, null,
            "--PersonaVoice:Provider=OpenAI", $"--PersonaVoice:Endpoint={_model.Endpoint}", "--PersonaVoice:Model=gpt-4o-mini",
            $"--PersonaVoice:ApiKey={_model.ApiKey}");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _model.DisposeAsync();
        await _connector.DisposeAsync();
        await _keys.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_personal_practice_shows_typing_and_then_the_models_words()
    {
        var manager = new TeamsActivities(_connector.ServiceUrl, "29:manager-" + Guid.NewGuid().ToString("N"));
        var agent = new TeamsActivities(_connector.ServiceUrl, "29:agent-" + Guid.NewGuid().ToString("N"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "team standup 09:15"));
        await OkAsync(agent.ChannelMessage(Channel, Team, "team join"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "team voice model"));
        var sent = new SentActivities(_connector, agent.ConversationId);

        await OkAsync(agent.Message("start late-delivery-birthday"));
        var opened = sent.Posts.Count;
        await OkAsync(agent.Message("I'm Megan. I'm so sorry, that sounds really stressful. What's been happening so far?"));

        var turn = sent.Posts.Skip(opened).ToList();
        var kinds = turn.Select(p => p.Json!["type"]!.GetValue<string>()).ToList();
        Assert.Equal("typing", kinds[0]);
        var typing = turn[0].Json!;
        Assert.Equal(TeamsActivities.BotId, typing["from"]!["id"]!.GetValue<string>());
        Assert.Equal(agent.UserId, typing["recipient"]!["id"]!.GetValue<string>());
        var customer = turn.Where(p => p.Json!["type"]!.GetValue<string>() == "message").Select(p => p.Json!["text"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(customer);
        Assert.All(customer, text => Assert.StartsWith($"Jake: {ModelVoiceBot.ModelWord}", text, StringComparison.OrdinalIgnoreCase));

        // Streamed (the channel shows typing meanwhile), and nothing of the agent's identity in it.
        var request = _model.Requests[^1];
        Assert.True(request.Body!["stream"]!.GetValue<bool>());
        foreach (var body in ModelVoiceBot.Bodies(_model))
        {
            Assert.DoesNotContain("Megan", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Bowen", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(agent.UserId, body, StringComparison.Ordinal);
            Assert.DoesNotContain("7faf8ab2", body, StringComparison.Ordinal);
        }
    }

    private async Task OkAsync(JsonObject activity)
    {
        using var response = await _bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
