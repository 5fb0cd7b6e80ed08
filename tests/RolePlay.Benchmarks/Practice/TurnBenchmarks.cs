using BenchmarkDotNet.Attributes;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;

namespace RolePlay.Benchmarks.Practice;

/// <summary>One role-play turn (detect + state update + reply), against detecting the same message alone.
/// Each invocation answers the first agent message of a fresh session, prepared before the iteration.</summary>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
public class TurnBenchmarks
{
    private const int Invocations = 4096;
    private readonly RuleBasedDetector _detector = new();
    private PracticeEngine _engine = null!;
    private PracticeSession[] _sessions = [];
    private string[] _scenarioIds = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
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
