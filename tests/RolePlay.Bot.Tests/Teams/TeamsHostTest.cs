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
        Bot = await TeamsHost.StartAsync(Database, Keys, Connector);
        await StartedAsync();
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Keys.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }

    /// <summary>Set-up a test class needs once the bot is running (a team, people).</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    protected async Task OkAsync(JsonObject activity)
    {
        using var response = await Bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
