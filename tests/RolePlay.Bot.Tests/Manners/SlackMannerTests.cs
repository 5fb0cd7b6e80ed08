using RolePlay.Bot.Tests.Slack;
using RolePlay.Testing.Manners;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Manners;

/// <summary>How the customer writes a reply reaches a Slack DM as the engine styled it, with the deployment's seed.</summary>
public sealed class SlackMannerTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-slack-manner-").FullName;
    private FakeSlackApi _api = null!;
    private SlackBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _host = await SlackBotHost.StartSingleWorkspaceAsync(_api, _dir, $"--Practice:Seed={MannerScenes.Seed}");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    public static TheoryData<string> Manners => new(MannerScenes.All.Select(s => s.Manner.ToString()));

    [Theory]
    [MemberData(nameof(Manners))]
    public async Task The_customers_reply_arrives_in_the_manner_the_engine_chose(string manner)
    {
        var scene = MannerScenes.All.Single(s => s.Manner.ToString() == manner);
        var user = "U" + manner.ToUpperInvariant();
        Assert.Equal(200, (await _host.SayAsync($"Ev-start-{manner}", user, "start " + scene.ScenarioId)).Status);
        await _host.DrainAsync();
        var before = _api.CallsTo("chat.postMessage").Count;
        for (var i = 0; i < scene.Messages.Count; i++)
        {
            before = _api.CallsTo("chat.postMessage").Count;
            Assert.Equal(200, (await _host.SayAsync($"Ev-{manner}-{i}", user, scene.Messages[i])).Status);
            await _host.DrainAsync();
        }

        var said = _api.CallsTo("chat.postMessage").Skip(before)
            .Where(c => c.Str("channel") == "D" + user && c.Str("text") is { } text && text.StartsWith(scene.Customer + ":", StringComparison.Ordinal))
            .Select(c => c.Str("text")!).ToList();
        Assert.Equal(MannerScenes.Shown(scene), said);
        Assert.NotEqual(MannerScenes.Plain(scene), said);
    }
}
