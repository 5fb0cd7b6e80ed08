using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;
using RolePlay.Core.Practice;
using YamlDotNet.Serialization;

namespace RolePlay.Core.Tests.Practice.Ladder;

/// <summary>Scripted agents of several kinds, written by someone who never read the engine
/// (<c>ladder-scripts.yaml</c>: scenario → kind → messages), played against every shipped scenario with the real
/// detector and voice.</summary>
public static class LadderRun
{
    public const string Skilled = "skilled";
    public const string Warm = "warm";
    public const string Mediocre = "mediocre";
    public const string StockEmpathy = "stock_empathy";
    public const string Hoarder = "checklist_hoarder";
    public const string Gibberish = "gibberish";
    public const string Cold = "cold";

    public static readonly string[] Kinds = [Skilled, Warm, Mediocre, StockEmpathy, Hoarder, Gibberish, Cold];

    public static ContentCatalog Catalog { get; } = ContentLoader.LoadShipped().EnsureValid();

    public static PracticeEngine Engine { get; } = new(Catalog, LearnedDetector.Shipped, new RuleBasedPersonaVoice());

    private static readonly Lazy<IReadOnlyDictionary<string, Dictionary<string, List<string>>>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, Dictionary<string, List<string>>> Scripts => Loaded.Value;

    public sealed record Played(string ScenarioId, string Kind, PracticeSession Session, PracticeReport Report, Mood StartMood)
    {
        public int RubricTotal => Report.Rubric.Sum(r => r.Score);
        public bool AllSuccessMet => Report.Success.Values.All(r => r.Met);
        public string Transcript => string.Join("\n", Session.Transcript.Select(u => $"{u.Speaker}: {u.Text}"));
    }

    public static Played Play(string scenarioId, string kind, int seed = 7, Intensity intensity = Intensity.Medium)
    {
        var session = Engine.Start(new SessionOptions(scenarioId, Seed: seed, Intensity: intensity));
        var start = session.State.Mood;
        foreach (var message in Scripts[scenarioId][kind])
        {
            if (session.IsOver)
            {
                break;
            }

            session.Respond(message);
        }

        if (!session.IsOver)
        {
            session.End();
        }

        return new Played(scenarioId, kind, session, session.Report(), start);
    }

    public static IEnumerable<Played> All(int seed = 7) =>
        Scripts.Keys.Order(StringComparer.Ordinal).SelectMany(scenario => Kinds.Select(kind => Play(scenario, kind, seed)));

    private static IReadOnlyDictionary<string, Dictionary<string, List<string>>> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Practice", "Ladder", "ladder-scripts.yaml");
        return new DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, Dictionary<string, List<string>>>>(File.ReadAllText(path));
    }
}
