using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Detection.Learned;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Core.Voice;
using RolePlay.Storage;
using RolePlay.Testing.Models;

namespace RolePlay.Benchmarks.Voice;

/// <summary>One scene twice over the same agent messages and seed: in the rule voice, and in the model voice against
/// the chat-completions stand-in, which answers with scripted wordings of the engine's lines (a person's rewriting of
/// what a model would say, not a model's), so the two transcripts can be read side by side.</summary>
internal static class VoiceTranscripts
{
    private const string Scenario = "late-delivery-birthday";
    private const int Seed = 7;

    private static readonly string[] Agent =
    [
        "Hi, I'm Sam. Oh no, I'm so sorry, that sounds really stressful with the birthday tomorrow. What happened with the parcel?",
        "So the headset hasn't moved from Dallas in days and the birthday is tomorrow, is that right?",
        "I can refund the shipping and reserve the same headset for pickup at your nearest store from 10 am tomorrow. Would that work?",
        "Great, I'll text you the pickup code within 10 minutes.",
    ];

    public static async Task<int> RunAsync(string[] wordings)
    {
        var catalog = ContentLoader.LoadShipped().EnsureValid();
        var rule = new PracticeEngine(catalog, LearnedDetector.Shipped, new RuleBasedPersonaVoice());
        var ruled = rule.Start(new SessionOptions(Scenario, Seed: Seed));
        foreach (var line in Agent)
        {
            if (!ruled.IsOver)
            {
                ruled.Respond(line);
            }
        }

        var scripted = Scripted(wordings);
        var dataDir = Directory.CreateTempSubdirectory("roleplay-voice-transcripts-").FullName;
        await using var model = await FakeChatCompletions.StartAsync("sk-transcripts-0123456789");
        model.Fallback = ChatScript.ReplyFrom(body => scripted.GetValueOrDefault(DraftWording.DraftOf(body)) ?? DraftWording.Worded(body));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(dataDir, "roleplay.db"),
            ["PersonaVoice:Provider"] = "OpenAI", ["PersonaVoice:Endpoint"] = model.Endpoint.AbsoluteUri,
            ["PersonaVoice:Model"] = "stand-in", ["PersonaVoice:ApiKey"] = model.ApiKey,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddRolePlayStorage(configuration).AddSingleton(catalog)
            .AddSingleton(TimeProvider.System);
        PersonaVoiceHosting.Add(services, configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        var tenant = new TenantScope("studio", "local");
        await provider.GetRequiredService<ITeamStore>().SaveAsync(new TeamRecord(tenant, "night", "Night shift", null, null, "Europe/London", [],
            "heart", "like", Voice: VoiceKind.Model), CancellationToken.None);
        var wording = provider.GetRequiredService<CustomerWording>();
        var who = new WordingFor(tenant, "night", ["Sam"]);

        var worded = new PracticeEngine(catalog, LearnedDetector.Shipped, new RuleBasedPersonaVoice()).Start(new SessionOptions(Scenario, Seed: Seed));
        await wording.WordAsync(who, worded, 0, CancellationToken.None);
        foreach (var line in Agent)
        {
            if (!worded.IsOver)
            {
                var from = worded.Transcript.Count;
                worded.Respond(line);
                await wording.WordAsync(who, worded, from, CancellationToken.None);
            }
        }

        Print("Rule voice", ruled, catalog);
        Print("Model voice (the stand-in's scripted wordings)", worded, catalog);
        Console.WriteLine($"engine state identical: {SameDecisions(ruled.State, worded.State)}; {model.Requests.Count} model calls");
        Directory.Delete(dataDir, recursive: true);
        return 0;
    }

    /// <summary>"draft=wording" pairs, one per argument: what the stand-in says for each engine line.</summary>
    private static Dictionary<string, string> Scripted(string[] wordings) =>
        wordings.Select(w => w.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Replace("\\n", "\n", StringComparison.Ordinal));

    private static void Print(string title, PracticeSession session, ContentCatalog catalog)
    {
        var name = catalog.Personas[session.State.PersonaId].Name.Split(' ')[0];
        Console.WriteLine($"## {title}: {session.Outcome}");
        foreach (var line in session.Transcript.Where(u => u.Speaker != Speaker.Coach && u.Seen.Length > 0))
        {
            Console.WriteLine($"{(line.Speaker == Speaker.Agent ? "Agent" : name)}: {line.Seen}");
        }

        Console.WriteLine();
    }

    private static bool SameDecisions(SessionState a, SessionState b) =>
        a.Outcome == b.Outcome && a.Frustration == b.Frustration && a.Trust == b.Trust && a.RevealedFacts.SequenceEqual(b.RevealedFacts)
        && a.Turns.Select(t => (t.Labels, t.Landed, t.Reaction)).SequenceEqual(b.Turns.Select(t => (t.Labels, t.Landed, t.Reaction)))
        && a.Transcript.Select(u => u.Text).SequenceEqual(b.Transcript.Select(u => u.Text));
}
