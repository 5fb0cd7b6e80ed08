using System.Globalization;

namespace RolePlay.Core.Insights;

/// <summary>One practised skill set against one outcome: the points and what may honestly be said about them.</summary>
public sealed record KpiComparison(
    string Skill,
    string Kpi,
    string Title,
    IReadOnlyList<KpiPoint> Points,
    int N,
    double? R,
    bool TooFew,
    string Statement);

/// <summary>A (subject, week) where both a practised-skill figure (<see cref="X"/>, behaviours per session) and the
/// KPI (<see cref="Y"/>) are known.</summary>
public sealed record KpiPoint(string Week, string Subject, double X, double Y);

/// <summary>Practised skills against outcomes, as the training method ties them (confirmations → less rework,
/// summaries → shorter handle time, empathy → lower churn), stated honestly: n, Pearson's r, and never a cause.</summary>
public static class KpiCorrelation
{
    /// <summary>Below this many weeks a coefficient says nothing: it is not shown as one.</summary>
    public const int MinWeeks = 8;

    private sealed record Pairing(string Behaviour, string Kpi, string Title, string SkillWords, string KpiWords, Func<KpiRecord, double?> Measure);

    private static readonly Pairing[] Pairings =
    [
        new("confirmation", "rework_rate", "Confirmations vs rework", "confirmations", "rework", k => k.ReworkRate),
        new("summary", "handle_time", "Summaries vs handle time", "summaries", "handle time", k => k.HandleTimeSeconds),
        new("empathy", "churn", "Empathy vs churn", "named feelings", "churn", k => k.ChurnRate),
    ];

    /// <summary>Team rows are compared with the team's weeks and person rows with those people's weeks, never mixed:
    /// each level present gets its own three comparisons.</summary>
    /// <param name="teamWeeks">The team's weeks, for team-level KPI rows.</param>
    /// <param name="personWeeks">People's weeks by user id, for person-level KPI rows.</param>
    public static IReadOnlyList<KpiComparison> Compare(IReadOnlyList<KpiRecord> kpis, IReadOnlyList<WeekInsights> teamWeeks,
        IReadOnlyList<(string UserId, WeekInsights Week)> personWeeks)
    {
        var team = teamWeeks.ToDictionary(w => w.Week);
        var people = personWeeks.ToDictionary(p => (p.UserId, p.Week.Week), p => p.Week);
        var levels = new (string Level, Func<KpiRecord, WeekInsights?> WeekOf, IReadOnlyList<KpiRecord> Rows)[]
        {
            ("team weeks", k => team.GetValueOrDefault(k.Week), kpis.Where(k => k.UserId is null).ToArray()),
            ("person weeks", k => people.GetValueOrDefault((k.UserId!, k.Week)), kpis.Where(k => k.UserId is not null).ToArray()),
        };
        return levels.Where(l => l.Rows.Count > 0)
            .SelectMany(l => Pairings.Select(pairing => Compare(pairing, l.Level, l.Rows, l.WeekOf)))
            .ToArray();
    }

    private static KpiComparison Compare(Pairing pairing, string level, IReadOnlyList<KpiRecord> rows, Func<KpiRecord, WeekInsights?> weekOf)
    {
        var points = new List<KpiPoint>();
        foreach (var kpi in rows.OrderBy(k => k.Week, StringComparer.Ordinal))
        {
            if (weekOf(kpi)?.PerSession(pairing.Behaviour) is { } x && pairing.Measure(kpi) is { } y)
            {
                points.Add(new KpiPoint(kpi.Week, kpi.UserId ?? "team", x, y));
            }
        }

        var r = Pearson(points);
        var tooFew = points.Count < MinWeeks;
        return new KpiComparison(pairing.Behaviour, pairing.Kpi, $"{pairing.Title} ({level})", points, points.Count,
            tooFew || r is null ? null : Math.Round(r.Value, 2), tooFew, Statement(pairing, points.Count, r));
    }

    public static double? Pearson(IReadOnlyList<KpiPoint> points)
    {
        // A series that never changes has no correlation (checked exactly: its computed variance may be a rounding crumb).
        if (points.Count < 2 || points.All(p => p.X == points[0].X) || points.All(p => p.Y == points[0].Y))
        {
            return null;
        }

        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var p in points)
        {
            sxy += (p.X - mx) * (p.Y - my);
            sxx += (p.X - mx) * (p.X - mx);
            syy += (p.Y - my) * (p.Y - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    private static string Statement(Pairing pairing, int n, double? r)
    {
        if (n < MinWeeks)
        {
            return $"Too few weeks to say anything: n = {n}, at least {MinWeeks} are needed.";
        }

        if (r is null)
        {
            return $"n = {n}: one of the two did not vary, so there is nothing to correlate.";
        }

        var strength = Math.Abs(r.Value) switch
        {
            < 0.1 => "no",
            < 0.3 => "a weak",
            < 0.5 => "a moderate",
            _ => "a strong",
        };
        var direction = r.Value < 0 ? "less" : "more";
        var text = string.Create(CultureInfo.InvariantCulture, $"n = {n}, Pearson r = {r.Value:0.00}: ");
        return strength == "no"
            ? text + $"no linear relation between {pairing.SkillWords} practised and {pairing.KpiWords}. Correlation, not causation."
            : text + $"{strength} tendency for weeks with more {pairing.SkillWords} practised to have {direction} {pairing.KpiWords}. " +
              "Correlation, not causation: other changes in those weeks may explain it.";
    }
}
