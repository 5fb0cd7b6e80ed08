namespace RolePlay.Benchmarks.Load;

/// <summary>The one rank rule every benchmark reports latencies by: the nearest-rank percentile.</summary>
internal static class Latency
{
    public static double Percentile(IReadOnlyCollection<double> ms, double p)
    {
        if (ms.Count == 0)
        {
            return double.NaN;
        }

        var sorted = ms.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
