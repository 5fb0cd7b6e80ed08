using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using RolePlay.Core.Storage;
using RolePlay.Storage.Repositories;
using RolePlay.Storage.Rows;
using RolePlay.Testing;

namespace RolePlay.Storage.Benchmarks;

/// <summary>
/// The storage hot paths on SQLite (temp file) and Azure Tables (an Azurite it starts itself), reported as
/// operations per second and as a ratio to a point read on the same store in the same run. A short job: these
/// numbers are for orientation, not a tuning loop.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class StorageHotPathBenchmarks
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly PersonKey _person = new("teams", "bench-tenant", "bench-user");
    private AzuriteProcess? _azurite;
    private string? _sqliteDir;
    private PeopleStore _people = null!;
    private SessionStore _sessions = null!;
    private DeliveryLedger _ledger = null!;
    private SessionRecord _live = null!;
    private int _occasion;

    [Params(StorageProvider.Sqlite, StorageProvider.AzureTables)]
    public StorageProvider Store { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var options = new StorageOptions { Provider = Store };
        if (Store == StorageProvider.AzureTables)
        {
            _azurite = await AzuriteProcess.StartAsync(TimeSpan.FromSeconds(30));
            options.AzureTables.ConnectionString = _azurite.ConnectionString;
        }
        else
        {
            _sqliteDir = Directory.CreateTempSubdirectory("roleplay-bench-").FullName;
            options.Sqlite.Path = Path.Combine(_sqliteDir, "bench.db");
        }

        var rows = RowStoreFactory.Create(options);
        await new StorageInitializer(rows).InitializeAsync(Ct);
        _people = new PeopleStore(rows);
        _sessions = new SessionStore(rows);
        _ledger = new DeliveryLedger(rows);
        await _people.SaveAsync(new PersonRecord(_person, "Bench", "Europe/Berlin", ConsentState.OptedIn, Now, 2, new TimeOnly(9, 0), [DayOfWeek.Monday], null, PersonRole.Agent, false, "support", Now), Ct);
        _live = await _sessions.SaveAsync(
            new SessionRecord(_person, "s1", "late-delivery", "harried-parent", 7, 2, null, Now, null, """{"mood":3,"beat":1}""", 1),
            [new TurnRecord(0, TurnSpeakers.Customer, "My parcel is two weeks late and nobody answers.", [], Now)],
            Ct);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_sqliteDir is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDir, recursive: true);
        }
    }

    /// <summary>Append one agent turn and the updated header in one conditional batch.</summary>
    [Benchmark]
    public async Task RecordTurn()
    {
        var index = _live.TurnCount;
        _live = await _sessions.SaveAsync(
            _live with { TurnCount = index + 1, StateJson = $$"""{"mood":2,"beat":{{index}}}""" },
            [new TurnRecord(index, TurnSpeakers.Agent, "I can hear how frustrating that is. Let me check where it is right now.", ["empathy", "next_step"], Now)],
            Ct);
    }

    [Benchmark]
    public Task<PersonWithLiveSession> LoadLiveSession() => _people.GetWithLiveSessionAsync(_person, Ct);

    [Benchmark]
    public Task<bool> ClaimLedgerEntry() =>
        _ledger.TryClaimAsync(new LedgerEntry(_person.Tenant, _person.UserId, "daily-prompt", $"occasion-{Interlocked.Increment(ref _occasion)}", Now, DeliveryState.Claimed, 0, null, Now), Ct);

    /// <summary>A point read: the cheapest round trip each store makes, the baseline the other paths are compared with.</summary>
    [Benchmark(Baseline = true)]
    public Task<PersonRecord?> ReadPersonSettings() => _people.GetAsync(_person, Ct);

    private sealed class ShortRunConfig : ManualConfig
    {
        public ShortRunConfig()
        {
            // In-process: no per-run project build, and Azurite's child process lives beside the benchmark.
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }
}
