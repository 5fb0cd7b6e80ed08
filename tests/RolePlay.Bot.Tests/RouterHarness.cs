using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Bot.Hosting;
using RolePlay.Bot.Tests.Routines;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Core.Consent;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Debriefing;
using RolePlay.Core.Detection;
using RolePlay.Core.GroupPractice;
using RolePlay.Core.Insights;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.LearningRecords;
using RolePlay.LearningRecords;
using RolePlay.Core.Practice;
using RolePlay.Core.Recognition;
using RolePlay.Core.Routines;
using RolePlay.Core.Routing;
using RolePlay.Core.Scene;
using RolePlay.Core.Settings;
using RolePlay.Core.Sharing;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;
using RolePlay.Core.Voice;
using RolePlay.Slack.Inbound;
using RolePlay.Storage;
using RolePlay.Studio.Transcripts;
using RolePlay.Teams.Inbound;

namespace RolePlay.Bot.Tests;

/// <summary>The router and the routine runner on real SQLite storage in a temp file, with a controllable clock and
/// recording proactive senders for Teams and Slack. A new harness on the same file is a restarted bot (or a second
/// host).</summary>
internal sealed class RouterHarness : IAsyncDisposable
{
    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();
    private readonly ServiceProvider _services;

    private RouterHarness(ServiceProvider services, FakeTimeProvider clock, RecognitionPolicy policy, CapturedLogs logs)
    {
        _services = services;
        Clock = clock;
        Logs = logs;
        var engine = new PracticeEngine(Catalog, new RuleBasedDetector(), new RuleBasedPersonaVoice());
        var insights = services.GetRequiredService<IInsightsRecorder>();
        var records = services.GetRequiredService<ILearningRecords>();
        var wording = services.GetRequiredService<CustomerWording>();
        var traits = new ChannelTraitsCatalog([StudioDelivery.Traits]);
        var practice = Practice = new ChannelPractice(Catalog, engine, People, Sessions, Teams, wording, new PracticeSeeds(), clock);
        var reviews = new PeerReviews(Catalog, engine, PeerReviewStore, People, Sessions, Teams, Pairing, practice,
            services.GetServices<IProactiveSender>(), records, clock, services.GetRequiredService<ILogger<PeerReviews>>());
        var team = new ChannelRouter(
            new TeamSettings(People, Teams, [ActivityTranslator.DefaultReactions, SlackInbound.DefaultReactions, StudioDelivery.DefaultReactions],
                services.GetRequiredService<ModelVoiceEndpoints>(), Catalog, clock),
            new RecognitionService(People, Teams, Recognitions, policy, insights, records, clock),
            new TranscriptSharing(Catalog, People, Sessions, Teams, reviews),
            practice,
            services.GetRequiredService<RoutineCommands>(),
            services.GetRequiredService<CueOfTheWeek>());
        Router = new PracticeRouter(People, Sessions,
            new SceneConversation(Catalog, engine, People, Sessions, Learning, insights, records, wording, new PracticeSeeds(), clock),
            new DebriefConversation(engine, Sessions, Learning, insights, records, Pairing, People, clock),
            new ConsentConversation(Catalog, People, clock),
            new SettingsForm(People, clock),
            team, services.GetRequiredService<RoutineAnswers>(), traits,
            new InstallGreetings(services.GetRequiredService<IInboundDedupe>(), clock), reviews, services.GetRequiredService<ClipOffers>(), clock);
    }

    public FakeTimeProvider Clock { get; }

    public PracticeRouter Router { get; }

    public ChannelPractice Practice { get; }

    public CapturedLogs Logs { get; }

    public IPeopleStore People => _services.GetRequiredService<IPeopleStore>();

    public ISessionStore Sessions => _services.GetRequiredService<ISessionStore>();

    public ILearningStore Learning => _services.GetRequiredService<ILearningStore>();

    public ITeamStore Teams => _services.GetRequiredService<ITeamStore>();

    public IRecognitionStore Recognitions => _services.GetRequiredService<IRecognitionStore>();

    public IInsightsStore Insights => _services.GetRequiredService<IInsightsStore>();

    public T Services<T>() where T : notnull => _services.GetRequiredService<T>();

    public IDeliveryLedger Ledger => _services.GetRequiredService<IDeliveryLedger>();

    public IRoutineRunner Runner => _services.GetRequiredService<IRoutineRunner>();

    public IRoutineStatusStore RoutineStatus => _services.GetRequiredService<IRoutineStatusStore>();

    public PracticeSuggestions Suggestions => _services.GetRequiredService<PracticeSuggestions>();

    /// <summary>The round that sends queued xAPI statements (<c>Lrs:*</c> settings in the routine setup's overrides).</summary>
    public LrsDelivery Statements => _services.GetRequiredService<LrsDelivery>();

    public IStatementOutbox StatementOutbox => _services.GetRequiredService<IStatementOutbox>();

    public IPairingStore Pairing => _services.GetRequiredService<IPairingStore>();

    public IPeerReviewStore PeerReviewStore => _services.GetRequiredService<IPeerReviewStore>();

    public static Task<RouterHarness> StartAsync(string databasePath, DateTimeOffset now, RecognitionPolicy? policy = null) =>
        StartAsync(databasePath, now, new Routines.RoutineSetup(new DeliveredLog()), policy);

    /// <param name="configure">Replaces services after the harness's own (a faulty seam, say).</param>
    public static async Task<RouterHarness> StartAsync(string databasePath, DateTimeOffset now, Routines.RoutineSetup routines,
        RecognitionPolicy? policy = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(routines.Settings)
            {
                ["Storage:Sqlite:Path"] = databasePath,
                ["Routines:Enabled"] = "false",
            })
            .Build();
        var clock = new FakeTimeProvider(now);
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddRolePlayStorage(configuration)
            .AddSingleton(Catalog)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<Reachability>()
            .AddSingleton<IInsightsRecorder, InsightsRecorder>()
            .AddLearningRecords(configuration)
            .AddSingleton<IBehaviourDetector, RuleBasedDetector>()
            .AddSingleton<ClipLibrary>()
            .AddSingleton<ClipOffers>();
        RoutineHosting.Add(services, configuration);
        PublicSiteSettings.Add(services, configuration);
        TeamRoutineWiring.Add(services, configuration);
        foreach (var platform in new[] { "teams", "slack" })
        {
            services.AddSingleton<IProactiveSender>(new RecordingSender(platform, routines.Delivered, clock, routines.Script));
        }

        // The rule voice unless a test configures model endpoints (the chat-completions stand-in) through configure.
        services.AddSingleton(new PersonaVoiceOptions())
            .AddSingleton(ModelVoiceEndpoints.None)
            .AddSingleton<VoiceBudgetNotice>()
            .AddSingleton<CustomerWording>();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new RouterHarness(provider, clock, policy ?? new RecognitionPolicy(), logs);
    }

    /// <summary>What the scheduler does each minute: run everything due up to the clock.</summary>
    public Task RunRoutinesAsync() => Runner.RunDueAsync(Clock.GetUtcNow(), CancellationToken.None);

    public Task<RouterResult> SayAsync(ChannelUser user, string text) =>
        Router.HandleAsync(new MessageReceived(user, Dm(user), Clock.GetUtcNow(), text), CancellationToken.None);

    public Task<RouterResult> SubmitAsync(ChannelUser user, string verb, Dictionary<string, string> values) =>
        Router.HandleAsync(new CardSubmitted(user, Dm(user), Clock.GetUtcNow(), verb, values), CancellationToken.None);

    /// <summary>A message as a channel that keeps its events durably delivers it (the Slack inbox).</summary>
    public Task<RouterResult> SayAsync(ChannelUser user, string text, EventDelivery delivery) =>
        Router.HandleAsync(new MessageReceived(user, Dm(user), Clock.GetUtcNow(), text) { Delivery = delivery }, CancellationToken.None);

    public Task<RouterResult> SubmitAsync(ChannelUser user, string verb, Dictionary<string, string> values, EventDelivery delivery) =>
        Router.HandleAsync(new CardSubmitted(user, Dm(user), Clock.GetUtcNow(), verb, values) { Delivery = delivery }, CancellationToken.None);

    /// <summary>A message in a channel or group chat, as adapters deliver it: the bot mention already stripped.</summary>
    public Task<RouterResult> SayInAsync(ConversationAddress conversation, ChannelUser user, string text) =>
        Router.HandleAsync(new MessageReceived(user, conversation, Clock.GetUtcNow(), text), CancellationToken.None);

    public Task<RouterResult> ReactAsync(ConversationAddress conversation, ChannelUser user, string messageId, string authorId,
        string reaction, bool added = true) =>
        Router.HandleAsync(new ReactionChanged(user, conversation, Clock.GetUtcNow(), messageId, reaction, added, authorId),
            CancellationToken.None);

    public static ConversationAddress Dm(ChannelUser user) =>
        new(user.Platform, user.TenantId, "dm-" + user.UserId, ConversationKind.Personal);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
