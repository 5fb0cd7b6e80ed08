using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Core.Content;
using RolePlay.Core.Conversations;
using RolePlay.Core.Detection;
using RolePlay.Core.Insights;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Storage;

namespace RolePlay.Bot.Tests;

/// <summary>The router on real SQLite storage in a temp file, with a controllable clock. A new harness on the same
/// file is a restarted bot.</summary>
internal sealed class RouterHarness : IAsyncDisposable
{
    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();
    private readonly ServiceProvider _services;

    private RouterHarness(ServiceProvider services, FakeTimeProvider clock, RecognitionPolicy policy)
    {
        _services = services;
        Clock = clock;
        var engine = new PracticeEngine(Catalog, new RuleBasedDetector(), new RuleBasedPersonaVoice());
        var insights = new InsightsRecorder(Insights, People, Recognitions);
        var team = new TeamRouter(
            new TeamSetup(People, Teams, clock),
            new RecognitionService(People, Teams, Recognitions, policy, insights, clock),
            new TranscriptSharing(Catalog, People, Sessions, Teams),
            new ChannelPractice(Catalog, engine, People, Sessions, clock));
        Router = new PracticeRouter(Catalog, engine, People, Sessions, Learning, team, insights, clock);
    }

    public FakeTimeProvider Clock { get; }

    public PracticeRouter Router { get; }

    public IPeopleStore People => _services.GetRequiredService<IPeopleStore>();

    public ISessionStore Sessions => _services.GetRequiredService<ISessionStore>();

    public ILearningStore Learning => _services.GetRequiredService<ILearningStore>();

    public ITeamStore Teams => _services.GetRequiredService<ITeamStore>();

    public IRecognitionStore Recognitions => _services.GetRequiredService<IRecognitionStore>();

    public IInsightsStore Insights => _services.GetRequiredService<IInsightsStore>();

    public IServiceProvider Services => _services;

    public static async Task<RouterHarness> StartAsync(string databasePath, DateTimeOffset now, RecognitionPolicy? policy = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = databasePath })
            .Build();
        var services = new ServiceCollection().AddLogging().AddRolePlayStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new RouterHarness(services, new FakeTimeProvider(now), policy ?? new RecognitionPolicy());
    }

    public Task<RouterResult> SayAsync(ChannelUser user, string text) =>
        Router.HandleAsync(new MessageReceived(user, Dm(user), Clock.GetUtcNow(), text), CancellationToken.None);

    public Task<RouterResult> SubmitAsync(ChannelUser user, string verb, Dictionary<string, string> values) =>
        Router.HandleAsync(new CardSubmitted(user, Dm(user), Clock.GetUtcNow(), verb, values), CancellationToken.None);

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
