using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using RolePlay.Bot.Hosting;
using RolePlay.Bot.Tests.Routines;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Testing.Models;

namespace RolePlay.Bot.Tests.Voice;

/// <summary>The router on real SQLite with the model voice configured against two chat-completions stand-ins: the
/// deployment's shared endpoint and a team's own ("own"), each answering by <see cref="DraftWording"/> unless scripted.</summary>
internal sealed class ModelVoiceBot : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public const string ModelWord = DraftWording.Word;

    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();

    private readonly string _dir;

    private ModelVoiceBot(string dir, FakeChatCompletions shared, FakeChatCompletions own, RouterHarness bot, DeliveredLog delivered)
    {
        _dir = dir;
        Shared = shared;
        Own = own;
        Bot = bot;
        Delivered = delivered;
    }

    public FakeChatCompletions Shared { get; }

    public FakeChatCompletions Own { get; }

    public RouterHarness Bot { get; }

    public DeliveredLog Delivered { get; }

    public static async Task<ModelVoiceBot> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dir = Directory.CreateTempSubdirectory("roleplay-voice-").FullName;
        var shared = await FakeChatCompletions.StartAsync("sk-shared-0123456789");
        var own = await FakeChatCompletions.StartAsync("sk-own-0123456789");
        var values = new Dictionary<string, string?>
        {
            ["PersonaVoice:Provider"] = "OpenAI",
            ["PersonaVoice:Endpoint"] = shared.Endpoint.AbsoluteUri,
            ["PersonaVoice:Model"] = "gpt-4o-mini",
            ["PersonaVoice:ApiKey"] = shared.ApiKey,
            ["PersonaVoice:Endpoints:own:Provider"] = "AzureOpenAI",
            ["PersonaVoice:Endpoints:own:Endpoint"] = own.AzureEndpoint.AbsoluteUri,
            ["PersonaVoice:Endpoints:own:Model"] = "customer-voice",
            ["PersonaVoice:Endpoints:own:ApiKey"] = own.ApiKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var delivered = new DeliveredLog();
        var bot = await RouterHarness.StartAsync(Path.Combine(dir, "roleplay.db"), Now, new RoutineSetup(delivered),
            configure: services => PersonaVoiceHosting.Add(services, configuration));
        // Every request not otherwise scripted is answered by DraftWording.
        shared.Fallback = DraftWording.Script;
        own.Fallback = DraftWording.Script;
        return new ModelVoiceBot(dir, shared, own, bot, delivered);
    }

    /// <summary>A channel of a team on <paramref name="platform"/>, set up by <paramref name="manager"/> with
    /// <paramref name="agent"/> in it, speaking in the model voice (through the team's own endpoint when named).</summary>
    public async Task<ConversationAddress> TeamAsync(ChannelUser manager, ChannelUser agent, string voice = "team voice model")
    {
        var channel = new ConversationAddress(manager.Platform, manager.TenantId, "19:practice-" + manager.Platform.Id, ConversationKind.Channel,
            TeamId: "team-" + manager.Platform.Id);
        await Bot.SayInAsync(channel, manager, "team standup 09:15");
        await Bot.SayInAsync(channel, agent, "team join");
        var chosen = await Bot.SayInAsync(channel, manager, voice);
        Assert.DoesNotContain("No endpoint", Texts(chosen).Single(), StringComparison.Ordinal);
        return channel;
    }

    public async Task<SessionState> LiveStateAsync(ChannelUser user)
    {
        var live = (await Bot.People.GetWithLiveSessionAsync(KeyOf(user), default)).LiveSession!;
        return JsonSerializer.Deserialize<SessionState>(live.StateJson)!;
    }

    public async Task<SessionState> LastStateAsync(ChannelUser user)
    {
        var ended = (await Bot.Sessions.ListEndedAsync(KeyOf(user), 1, default)).Single();
        return JsonSerializer.Deserialize<SessionState>(ended.StateJson)!;
    }

    public static PersonKey KeyOf(ChannelUser user) => new(user.Platform, user.TenantId, user.UserId);

    /// <summary>The same scene as <paramref name="state"/> (seed, options) played by the rule voice over the same agent
    /// messages: what the engine would have decided with no model at all.</summary>
    public static SessionState RuleVoiceReplay(SessionState state)
    {
        var engine = new PracticeEngine(Catalog, new RuleBasedDetector(), new RuleBasedPersonaVoice());
        var session = engine.Start(state.Options);
        foreach (var turn in state.Turns)
        {
            session.Respond(turn.AgentText);
        }

        return session.State;
    }

    /// <summary>The engine's part of a state: everything but the words a voice chose to show (the worded lines, the
    /// replies quoted in the debrief) and the times the host stamped.</summary>
    public static string EngineView(SessionState state)
    {
        var json = JsonSerializer.SerializeToNode(state)!.AsObject();
        foreach (var line in json["Transcript"]!.AsArray())
        {
            line!.AsObject().Remove("Worded");
            line.AsObject().Remove("At"); // stamped by the host, not decided by the engine
        }

        foreach (var turn in json["Turns"]!.AsArray())
        {
            turn!.AsObject().Remove("CustomerReply");
        }

        json["MissedMoments"] = state.MissedMoments.Count;
        return json.ToJsonString();
    }

    public static IEnumerable<string> Texts(RouterResult result) => result.Replies.OfType<TextOut>().Select(t => t.Text);

    /// <summary>The customer's lines of a reply, as the person reads them.</summary>
    public static IEnumerable<string> CustomerLines(RouterResult result) =>
        result.Replies.OfType<TextOut>().Where(t => t.Customer is not null).Select(t => t.Customer!.Words);

    public static IEnumerable<string> Bodies(FakeChatCompletions server) => server.Requests.Select(r => r.Body!.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Shared.DisposeAsync();
        await Own.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
