using RolePlay.Bot.Tests.Slack;
using RolePlay.Testing.Models;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Voice;

/// <summary>The model voice through the real Slack adapter: a manager chooses it with the slash command in the team's
/// channel, and the customer's lines in a DM practice arrive in the model's words (Slack shows no typing: not streamed).</summary>
public sealed class SlackModelVoiceTests : IAsyncLifetime
{
    private const string Manager = "UMANAGER";
    private const string Maria = "UMARIA";
    private const string Standup = "C0STANDUP";

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-slack-voice-").FullName;
    private FakeSlackApi _api = null!;
    private FakeChatCompletions _model = null!;
    private SlackBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _model = await FakeChatCompletions.StartAsync("sk-slack-0123456789");
        _model.Fallback = DraftWording.Script;
        _host = await SlackBotHost.StartSingleWorkspaceAsync(_api, _dir,
            "--PersonaVoice:Provider=OpenAI", $"--PersonaVoice:Endpoint={_model.Endpoint}", "--PersonaVoice:Model=gpt-4o-mini",
            $"--PersonaVoice:ApiKey={_model.ApiKey}");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
        await _api.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_DM_practice_of_a_model_voice_team_reads_the_models_words()
    {
        Assert.Equal(200, (await _host.CommandAsync(Manager, "team standup 09:15", channel: Standup)).Status);
        Assert.Equal(200, (await _host.CommandAsync(Maria, "team join", channel: Standup)).Status);
        var chosen = await _host.CommandAsync(Manager, "team voice model", channel: Standup);
        Assert.StartsWith("The customer's words now come from this deployment's model endpoint", chosen.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await _host.SayAsync("Ev-start", Maria, "start late-delivery-birthday");
        await _host.SayAsync("Ev-turn", Maria, "I'm so sorry, that sounds really stressful. What's been happening so far?");
        await _host.DrainAsync();

        var customer = _api.CallsTo("chat.postMessage").Where(c => c.Str("channel") == "D" + Maria)
            .Select(c => c.Str("text")!).Where(t => t.StartsWith("Jake: ", StringComparison.Ordinal)).ToList();
        Assert.True(customer.Count >= 2, $"the opening and a reply, got {customer.Count}");
        Assert.All(customer, text => Assert.StartsWith($"Jake: {ModelVoiceBot.ModelWord}", text, StringComparison.OrdinalIgnoreCase));
        Assert.All(_model.Requests, r => Assert.Null(r.Body!["stream"]));
        Assert.All(ModelVoiceBot.Bodies(_model), body => Assert.DoesNotContain(Maria, body, StringComparison.Ordinal));
    }
}
