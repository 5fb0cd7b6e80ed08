using System.Diagnostics;
using RolePlay.Core.Practice;
using Xunit.Abstractions;
using static RolePlay.Core.Tests.Practice.TestContent;

namespace RolePlay.Core.Tests.Practice;

public class EngineSpeedTests(ITestOutputHelper output)
{
    /// <summary>A guard, not a benchmark: one turn (detect with a trivial detector, decide, move the state, speak)
    /// must stay well under the 50 µs budget, measured as a median so a noisy build machine does not flake it.</summary>
    [Fact]
    public void One_turn_takes_well_under_fifty_microseconds_median()
    {
        var engine = Engine();
        var samples = new List<double>();
        for (var seed = 0; seed < 300; seed++)
        {
            var session = engine.Start(new SessionOptions("long", "poor", seed));
            foreach (var line in Say.Warm.Take(2).Concat([Say.OpenQuestion, Say.Nothing, Say.FlightQuestion, Say.Nothing]))
            {
                var started = Stopwatch.GetTimestamp();
                session.Respond(line);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                if (seed >= 20)
                {
                    samples.Add(elapsed);
                }
            }
        }

        samples.Sort();
        var median = samples[samples.Count / 2];
        output.WriteLine($"median {median:F2} µs, p90 {samples[samples.Count * 9 / 10]:F2} µs over {samples.Count} turns");
        Assert.True(median < 50, $"median turn took {median:F1} µs");
    }
}
