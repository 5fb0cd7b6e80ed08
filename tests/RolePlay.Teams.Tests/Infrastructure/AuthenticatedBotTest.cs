namespace RolePlay.Teams.Tests.Infrastructure;

/// <summary>A bot with token validation on, its local key server and fake connector, fresh for each test.</summary>
public abstract class AuthenticatedBotTest : IAsyncLifetime
{
    protected KeyServer Keys { get; private set; } = null!;

    protected FakeConnector Connector { get; private set; } = null!;

    internal BotHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Keys = await KeyServer.StartAsync();
        Connector = await FakeConnector.StartAsync();
        Bot = await BotHost.StartAuthenticatedAsync(Keys, Connector);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Keys.DisposeAsync();
    }
}
