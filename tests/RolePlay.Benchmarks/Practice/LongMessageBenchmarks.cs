using BenchmarkDotNet.Attributes;
using RolePlay.Core.Detection;

namespace RolePlay.Benchmarks.Practice;

/// <summary>The worst input the detector accepts: one 40,000-character "sentence" full of the words its rules look
/// for. A rule that backtracks badly shows here as a ratio far above the per-character cost of reading the text.</summary>
[MemoryDiagnoser]
public class LongMessageBenchmarks
{
    private readonly RuleBasedDetector _detector = new();
    private readonly string _message =
        string.Concat(Enumerable.Repeat("you should i will so the what how sorry not ", 1000))[..RuleBasedDetector.MaxMessageLength];

    [Benchmark(Baseline = true)]
    public int TokeniseOnly() => _message.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [Benchmark]
    public Behaviour Detect() => _detector.Detect(_message);
}
