using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using RolePlay.Core.Detection;

namespace RolePlay.Benchmarks.Practice;

/// <summary>Start-up: learning the shipped detector's model from the embedded messages, each launch a fresh process
/// so the first-use costs (JIT, regular expressions built on first match) count, beside building the rules alone
/// and reading one message with them, which every host pays anyway.</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1)]
public class ModelLoadBenchmarks
{
    [Benchmark(Baseline = true)]
    public Behaviour RulesFirstMessage() => new RuleBasedDetector().Detect("I'm so sorry, I'll call you back by 4pm today.");

    [Benchmark]
    public Behaviour LearnedModelLoad() =>
        LearnedDetector.TrainOnShippedMessages().Detect("I'm so sorry, I'll call you back by 4pm today.");
}
