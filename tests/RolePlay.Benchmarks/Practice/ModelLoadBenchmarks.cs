using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;

namespace RolePlay.Benchmarks.Practice;

/// <summary>Start-up: loading the shipped detector's model, each launch a fresh process so the first-use costs (JIT,
/// regular expressions built on first match) count, beside building the rules alone and reading one message with
/// them, which every host pays anyway, and beside learning the model from the embedded messages, which is what
/// start-up would cost without the model file.</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1)]
public class ModelLoadBenchmarks
{
    private const string Message = "I'm so sorry, I'll call you back by 4pm today.";

    [Benchmark(Baseline = true)]
    public Behaviour RulesFirstMessage() => new RuleBasedDetector().Detect(Message);

    [Benchmark]
    public Behaviour ShippedModelLoad() => LearnedDetector.Shipped.Detect(Message);

    [Benchmark]
    public Behaviour TrainingAtStartUp() => LearnedDetector.TrainOnShippedMessages().Detect(Message);
}
