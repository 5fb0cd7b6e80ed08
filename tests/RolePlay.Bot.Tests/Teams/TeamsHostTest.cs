using System.Net;
using System.Text.Json.Nodes;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>The real host with token validation on, a local key server and a fake connector, and a fresh SQLite
/// file, for each test.</summary>
public abstract class TeamsHostTest : IAsyncLifetime
{
    protected string DataDir { get; } = Directory.CreateTempSubdirectory("roleplay-teams-").FullName;

    protected string Database => Path.Combine(DataDir, "roleplay.db");

    protected KeyServer Keys { get; private set; } = null!;

    protected FakeConnector Connector { get; private set; } = null!;

    internal TeamsHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Keys = await KeyServer.StartAsync();
        Connector = await FakeConnector.StartAsync();
        await BeforeStartAsync();
        Bot = await TeamsHost.StartAsync(Database, Keys, Connector, Clock, Settings);
        await StartedAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Keys.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }

    /// <summary>The host's clock, when a test moves time itself.</summary>
    private protected virtual TimeProvider? Clock => null;

    /// <summary>More host settings (command-line form).</summary>
    protected virtual string[] Settings => [];

    /// <summary>What must run before the bot starts because its settings name it (a local server's address).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Set-up a test class needs once the bot is running (a team, people).</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    protected async Task OkAsync(JsonObject activity)
    {
        using var response = await Bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
