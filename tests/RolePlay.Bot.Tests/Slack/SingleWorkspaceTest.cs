using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>The real host in single-workspace mode against a fresh fake Slack Web API and a fresh SQLite file, for
/// each test.</summary>
public abstract class SingleWorkspaceTest : IAsyncLifetime
{
    protected string Dir { get; } = Directory.CreateTempSubdirectory("roleplay-slack-e2e-").FullName;

    protected FakeSlackApi Api { get; private set; } = null!;

    internal SlackBotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeSlackApi.StartAsync();
        Host = await SlackBotHost.StartSingleWorkspaceAsync(Api, Dir);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
        Directory.Delete(Dir, recursive: true);
    }
}
