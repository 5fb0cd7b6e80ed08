using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>A reply the router aims at another conversation reaches it through the real Slack adapter: a shared
/// practice is posted in the team's standup channel, not in the person's DM.</summary>
public sealed class SlackSharingEndToEndTests : IAsyncLifetime
{
    private const string Ana = "UANA";
    private const string Standup = "C0STANDUP";
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-slack-share-").FullName;
    private FakeSlackApi _api = null!;
    private SlackBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _host = await SlackBotHost.StartSingleWorkspaceAsync(_api, _dir);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_shared_practice_is_posted_in_the_team_standup_channel()
    {
        Assert.Equal(200, (await _host.CommandAsync(Ana, "team standup 09:15", channel: Standup)).Status);
        await _host.SayAsync("Ev1", Ana, "start late-delivery-birthday");
        await _host.SayAsync("Ev2", Ana, "I'm so sorry, that sounds really stressful. What happened with the order?");
        await _host.SayAsync("Ev3", Ana, "/end");
        await _host.DrainAsync();

        await _host.SayAsync("Ev4", Ana, "share");
        await _host.DrainAsync();

        var posts = _api.CallsTo("chat.postMessage");
        var shared = Assert.Single(posts, c => c.Str("channel") == Standup);
        Assert.NotNull(shared.Json?["blocks"]);
        Assert.Contains(posts, c => c.Str("channel") == "D" + Ana && c.Str("text")!.StartsWith("Shared with your team", StringComparison.Ordinal));
    }
}
