using BenchmarkDotNet.Attributes;
using RolePlay.Core.Detection;

namespace RolePlay.Benchmarks.Practice;

/// <summary>Detector throughput on one core. The baseline lower-cases and splits each message into words — the least
/// any text classifier must do — so the ratio shows what the rules cost on top of reading the text.</summary>
[MemoryDiagnoser]
public class DetectBenchmarks
{
    private readonly RuleBasedDetector _detector = new();
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
    public Behaviour Detect()
    {
        var all = Behaviour.None;
        foreach (var message in _messages)
        {
            all |= _detector.Detect(message);
        }

        return all;
    }
}
