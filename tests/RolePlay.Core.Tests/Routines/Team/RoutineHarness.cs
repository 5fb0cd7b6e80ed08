using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Detection;
using RolePlay.Core.Insights;
using RolePlay.Core.LearningRecords;
using RolePlay.Core.Routines;
using RolePlay.Core.Routing;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Core.Web;
using RolePlay.Storage;

namespace RolePlay.Core.Tests.Routines.Team;

/// <summary>The team routines on real SQLite storage in a temp file with a controllable clock. <see cref="SecondHost"/>
/// is another bot instance on the same database: its own routine objects, the same rows.</summary>
internal sealed class RoutineHarness : IAsyncDisposable
{
    public static readonly TenantScope Tenant = new("slack", "T1");
    public const string TeamId = "T1";
    public const string Channel = "C-standup";
    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();

    private readonly ServiceProvider _services;
    private readonly string _directory;

    private RoutineHarness(ServiceProvider services, string directory, FakeTimeProvider clock, int noRepeatRounds)
    {
        _services = services;
        _directory = directory;
        Clock = clock;
        Policy = new PairingPolicy(noRepeatRounds);
    }

    public FakeTimeProvider Clock { get; }

    public PairingPolicy Policy { get; }

    public IPeopleStore People => _services.GetRequiredService<IPeopleStore>();

    public ITeamStore Teams => _services.GetRequiredService<ITeamStore>();

    public ILearningStore Learning => _services.GetRequiredService<ILearningStore>();

    public IPairingStore Pairing => _services.GetRequiredService<IPairingStore>();

    public IPhraseStore Phrases => _services.GetRequiredService<IPhraseStore>();

    public IRecognitionStore Recognitions => _services.GetRequiredService<IRecognitionStore>();

    public IInsightsStore Insights => _services.GetRequiredService<IInsightsStore>();

    public ICaptainStore Captains => _services.GetRequiredService<ICaptainStore>();

    public IPersonalDataStore PersonalData => _services.GetRequiredService<IPersonalDataStore>();

    public static async Task<RoutineHarness> StartAsync(DateTimeOffset now, int noRepeatRounds = Core.Routines.BuddyPairing.DefaultNoRepeatRounds)
    {
        var directory = Directory.CreateTempSubdirectory("roleplay-routines-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(directory, "roleplay.db") })
            .Build();
        var services = new ServiceCollection().AddRolePlayStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new RoutineHarness(services, directory, new FakeTimeProvider(now), noRepeatRounds);
    }

    public StandupRoutine Standup() => new(Teams);

    public EndOfShiftRoutine EndOfShift() => new(People, Teams);

    public BuddyPairingRoutine Pairer() => new(Teams, People, Pairing, Policy);

    public BuddyCheckInRoutine CheckIn() => new(Learning, People, Teams, Pairing);

    public ICueOfTheWeekStore CuesOfTheWeek => _services.GetRequiredService<ICueOfTheWeekStore>();

    public CueOfTheWeek CueOfTheWeek() => new(People, Teams, Captains, CuesOfTheWeek, Catalog, Clock);

    /// <param name="site">The bot's public address, when the captain's post may link the team's sheet.</param>
    public PracticeCaptainRoutine Captain(Uri? site = null) => new(Teams, People, Captains, CueOfTheWeek(), new PublicSite(site), Clock);

    public WeeklyCelebrationRoutine Celebration() => new(Teams, Recognitions, Phrases, People);

    public RoutineAnswers Answers() => new(People, Learning, Phrases, CheckIn(), new RuleBasedDetector(), new InsightsRecorder(Insights, People), new NoLearningRecords(), Clock);

    public async Task<TeamRecord> SaveTeamAsync(string zone, TimeOnly? standup = null, Func<TeamRecord, TeamRecord>? change = null)
    {
        var team = new TeamRecord(Tenant, TeamId, "Support", Channel, standup ?? new TimeOnly(9, 15), zone, [], "sparkles", "clap");
        var existing = await Teams.GetAsync(Tenant, TeamId, CancellationToken.None);
        team = change?.Invoke(team) ?? team;
        return await Teams.SaveAsync(team with { Version = existing?.Version }, CancellationToken.None);
    }

    /// <summary>A team member who opted in (in <paramref name="zone"/>), with optional changes before saving.</summary>
    public async Task<PersonRecord> AddMemberAsync(string userId, string zone = "Europe/London", Func<PersonRecord, PersonRecord>? change = null)
    {
        var now = Clock.GetUtcNow();
        var person = PersonSettings.OptIn(PersonSettings.NewPerson(new ChannelUser("slack", "T1", userId, Name(userId)), zone), now) with { TeamId = TeamId };
        person = change?.Invoke(person) ?? person;
        await Teams.AddMemberAsync(Tenant, TeamId, new TeamMember(person.Key, now), CancellationToken.None);
        return await People.SaveAsync(person, CancellationToken.None);
    }

    public static PersonKey Key(string userId) => new(Tenant, userId);

    public static ChannelUser User(string userId) => new("slack", "T1", userId, Name(userId));

    public static string Name(string userId) => char.ToUpperInvariant(userId[0]) + userId[1..];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

internal static class Planning
{
    public static async Task<IReadOnlyList<PlannedMessage>> PlanAsync(this IRoutine routine, DateTimeOffset minuteUtc)
    {
        var planned = new List<PlannedMessage>();
        await foreach (var message in routine.PlanAsync(RoutineHarness.Tenant, minuteUtc, CancellationToken.None))
        {
            planned.Add(message);
        }

        return planned;
    }

    public static async Task<IReadOnlyList<PlannedMessage>> PlanNowAsync(this IRoutine routine, DateTimeOffset nowUtc)
    {
        var planned = new List<PlannedMessage>();
        await foreach (var message in routine.PlanNowAsync(RoutineHarness.Tenant, RoutineHarness.TeamId, nowUtc, CancellationToken.None))
        {
            planned.Add(message);
        }

        return planned;
    }

    public static async Task<Cards.Card> CardAsync(this PlannedMessage message)
    {
        var composed = await message.ComposeAsync(CancellationToken.None);
        return Assert.IsType<CardOut>(Assert.Single(composed)).Card;
    }

    public static string Text(this Cards.Card card) =>
        string.Join("\n", card.Body.Select(e => e switch
        {
            Cards.TextBlock t => t.Text,
            Cards.FactSet f => string.Join("\n", f.Facts.Select(x => $"{x.Title}: {x.Value}")),
            _ => "",
        }));

    public static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The (recipient, occasion) pairs the ledger would claim: what "the same plan" means across hosts.</summary>
    public static IReadOnlyList<string> Claims(this IEnumerable<PlannedMessage> planned) =>
        planned.Select(p => $"{p.Routine}|{p.To.RecipientId}|{p.OccasionKey}|{p.DueUtc:O}").Order(StringComparer.Ordinal).ToArray();
}
