using BenchmarkDotNet.Attributes;
using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;

namespace RolePlay.Benchmarks.Practice;

/// <summary>Detector throughput on one core: the rules alone and the shipped detector (the rules weighed by the
/// learned classifier). The baseline lower-cases and splits each message into words — the least any text
/// classifier must do — so the ratios show what each costs on top of reading the text.</summary>
[MemoryDiagnoser]
public class DetectBenchmarks
{
    private readonly RuleBasedDetector _detector = new();
    private readonly LearnedDetector _learned = LearnedDetector.Shipped;
    private readonly string[] _messages = BenchmarkContent.AgentMessages;

    [Benchmark(Baseline = true, OperationsPerInvoke = 16)]
    public int TokeniseOnly()
    {
        var words = 0;
        foreach (var message in _messages)
        {
            words += message.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return words;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public Behaviour Detect() => DetectAll(_detector);

    [Benchmark(OperationsPerInvoke = 16)]
    public Behaviour DetectLearned() => DetectAll(_learned);

    private Behaviour DetectAll(IBehaviourDetector detector)
    {
        var all = Behaviour.None;
        foreach (var message in _messages)
        {
            all |= detector.Detect(message);
        }

        return all;
    }
}
