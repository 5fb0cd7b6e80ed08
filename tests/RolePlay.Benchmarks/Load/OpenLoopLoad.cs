using System.Diagnostics;

namespace RolePlay.Benchmarks.Load;

/// <summary>Latencies of one paced run, in milliseconds, and how many requests failed.</summary>
internal sealed record LoadResult(string Target, int Sent, int Errors, double Seconds, double[] LatenciesMs)
{
    public double RequestsPerSecond => (Sent - Errors) / Seconds;

    public double Percentile(double p) => Latency.Percentile(LatenciesMs, p);
}

/// <summary>An open-loop load generator: request i is due at start + i / rate whether or not earlier ones have
/// answered (a closed loop would slow down with the server and hide queueing). Latency is measured from the due
/// time, so a generator that falls behind counts against the result, not in its favour. Bounded by count and time.</summary>
internal static class OpenLoopLoad
{
    public static async Task<LoadResult> RunAsync(string target, int count, double perSecond, TimeSpan limit,
        Func<int, CancellationToken, Task<bool>> send)
    {
        using var timeout = new CancellationTokenSource(limit);
        var latencies = new double[count];
        var errors = 0;
        var inFlight = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count && !timeout.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                bool ok;
                try
                {
                    ok = await send(index, timeout.Token);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    ok = false;
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadResult(target, inFlight.Count, errors + (count - inFlight.Count), seconds, latencies[..inFlight.Count]);
    }
}
