using RolePlay.Core;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>A bot on a fresh SQLite file whose routines a test drives with the fake clock, as the minute job would.</summary>
public abstract class RoutineTest : IAsyncLifetime
{
    protected const string Tenant = "tenant-r";

    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("roleplay-routines-").FullName, "roleplay.db");

    private protected DeliveredLog Delivered { get; } = new();

    private protected RouterHarness Bot { get; private set; } = null!;

    /// <summary>When the test begins; people opt in at this moment.</summary>
    protected abstract DateTimeOffset Start { get; }

    private protected virtual RoutineSetup Setup => new(Delivered);

    public async Task InitializeAsync() => Bot = await RouterHarness.StartAsync(_db, Start, Setup);

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);
    }

    /// <summary>Another bot instance on the same file (a restart, or a second host), at the same clock.</summary>
    private protected Task<RouterHarness> AnotherHostAsync(RoutineSetup setup) => RouterHarness.StartAsync(_db, Bot.Clock.GetUtcNow(), setup);

    protected static ChannelUser Person(string id, string platform = "teams") => new(platform, Tenant, id, id);

    protected static PersonKey KeyOf(ChannelUser user) => new(user.Platform, user.TenantId, user.UserId);

    /// <summary>Sets a person up as they would by typing to the bot; choosing a time is opting in.</summary>
    private protected async Task OptInAsync(ChannelUser user, string zone, string time, string days = "mon-sun")
    {
        await Bot.SayAsync(user, $"timezone {zone}");
        await Bot.SayAsync(user, $"days {days}");
        await Bot.SayAsync(user, $"time {time}");
    }

    /// <summary>The minute job firing every <paramref name="step"/> (default each minute) until <paramref name="until"/>.</summary>
    private protected async Task RunUntilAsync(DateTimeOffset until, TimeSpan? step = null)
    {
        while (Bot.Clock.GetUtcNow() < until)
        {
            Bot.Clock.Advance(step ?? TimeSpan.FromMinutes(1));
            await Bot.RunRoutinesAsync();
        }
    }

    private protected Task<LedgerEntry?> PromptEntryAsync(ChannelUser user, string localDate) =>
        Bot.Ledger.GetAsync(new TenantScope(user.Platform, user.TenantId), user.UserId, WireName.Of(RoutineKind.DailyPrompt), localDate, CancellationToken.None);

    protected static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
