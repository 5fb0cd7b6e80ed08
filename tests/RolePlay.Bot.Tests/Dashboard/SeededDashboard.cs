using RolePlay.Core.Chat;

namespace RolePlay.Bot.Tests.Dashboard;

/// <summary>Ten weeks of real practice in a team of six (Maya and five agents) and a team of three, then the real host
/// in local mode over the same SQLite file. Shared by the read-model tests, which only read.</summary>
public sealed class SeededDashboard : IAsyncLifetime
{
    public const string SmallTeamId = "team-small";
    public const int Weeks = 10;

    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-dashboard-").FullName;

    internal RouterHarness Bot { get; private set; } = null!;

    internal PracticeSeed Seed { get; private set; } = null!;

    internal DashboardHost Host { get; private set; } = null!;

    internal string DatabasePath => Path.Combine(_dir, "roleplay.db");

    public async Task InitializeAsync()
    {
        // The host's clock is the real one, so the practice happened in the ten weeks up to now.
        var start = DateTimeOffset.UtcNow.AddDays(-7 * (Weeks - 1)).AddHours(-1);
        Bot = await RouterHarness.StartAsync(DatabasePath, start);
        Seed = new PracticeSeed(Bot);
        await Seed.SetUpTeamAsync(agents: 5);
        var small = new ConversationAddress("studio", PracticeSeed.Tenant, "small-channel", ConversationKind.Channel, TeamId: SmallTeamId);
        await Seed.SetUpTeamAsync(agents: 0, small, new ChannelUser("studio", PracticeSeed.Tenant, "sam", "Sam Smallteam"));
        await Bot.SayInAsync(small, new ChannelUser("studio", PracticeSeed.Tenant, "tia", "Tia"), "team join");
        await Bot.SayInAsync(small, new ChannelUser("studio", PracticeSeed.Tenant, "udo", "Udo"), "team join");
        await Seed.PracticeAsync(new ChannelUser("studio", PracticeSeed.Tenant, "tia", "Tia"), PracticeSeed.WarmAgent);

        for (var week = 0; week < Weeks; week++)
        {
            await Seed.PracticeAsync(PracticeSeed.Agent(1), week % 3 == 0 ? PracticeSeed.ColdAgent : PracticeSeed.WarmAgent);
            if (week % 4 == 0)
            {
                await Seed.PracticeAsync(PracticeSeed.Agent(2), PracticeSeed.WarmAgent, commit: week == 0);
            }

            if (week < Weeks - 1)
            {
                Bot.Clock.Advance(TimeSpan.FromDays(7));
            }
        }

        await Bot.ReactAsync(PracticeSeed.Channel, PracticeSeed.Maya, "msg-1", "agent-1", "clap");
        await Bot.ReactAsync(PracticeSeed.Channel, PracticeSeed.Agent(3), "msg-1", "agent-1", "sparkles");
        await Bot.ReactAsync(PracticeSeed.Channel, PracticeSeed.Agent(4), "msg-2", "agent-2", "sparkles");
        await Bot.ReactAsync(PracticeSeed.Channel, PracticeSeed.Agent(4), "msg-2", "agent-2", "sparkles", added: false);

        Host = await DashboardHost.StartAsync(DatabasePath);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Bot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
