using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;
using RolePlay.Core.Practice;

namespace RolePlay.Benchmarks.Practice;

/// <summary>One role-play turn (detect + state update + reply), against detecting the same message alone, with the
/// rules alone and with the shipped detector. Each invocation answers the first agent message of a fresh session,
/// prepared before the iteration.</summary>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
[Config(typeof(Percentiles))]
public class TurnBenchmarks
{
    private const int Invocations = 4096;
    private IBehaviourDetector _detector = null!;
    private PracticeEngine _engine = null!;
    private PracticeSession[] _sessions = [];
    private string[] _scenarioIds = [];
    private int _next;

    [Params("rules", "learned")]
    public string Detector { get; set; } = "rules";

    [GlobalSetup]
    public void Setup()
    {
        _detector = Detector == "rules" ? new RuleBasedDetector() : LearnedDetector.Shipped;
        _engine = new PracticeEngine(BenchmarkContent.Catalog, _detector, new RuleBasedPersonaVoice());
        _scenarioIds = BenchmarkContent.Catalog.Scenarios.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    [IterationSetup]
    public void FreshSessions()
    {
        _sessions = new PracticeSession[Invocations];
        for (var i = 0; i < Invocations; i++)
        {
            _sessions[i] = _engine.Start(new SessionOptions(_scenarioIds[i % _scenarioIds.Length], Seed: i));
        }

        _next = 0;
    }

    [Benchmark(Baseline = true)]
    public Behaviour DetectOnly() => _detector.Detect(Message(_next++));

    [Benchmark]
    public TurnResult Turn()
    {
        var i = _next++;
        return _sessions[i].Respond(Message(i));
    }

    private static string Message(int i) => BenchmarkContent.AgentMessages[i % BenchmarkContent.AgentMessages.Length];
}

/// <summary>Adds the 95th percentile, the figure the turn budget is set on.</summary>
public sealed class Percentiles : ManualConfig
{
    public Percentiles() => AddColumn(StatisticColumn.P95);
}
