using System.Globalization;

namespace RolePlay.Core.Insights;

/// <summary>The result of reading a KPI file: every row, or every problem (each naming its line) and no rows.</summary>
public sealed record KpiParseResult(IReadOnlyList<KpiRecord> Rows, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Reads the KPI import strictly. The file is all or nothing: one bad line and no row is returned, with every
/// problem listed at once so a manager fixes the file in one pass.
/// <code>
/// subject,week,handle_time,rework_rate,churn
/// team,2026-W05,312,0.12,0.031
/// person:29:1a2b,2026-W05,290,,0.02
/// </code>
/// subject: <c>team</c> or <c>person:&lt;user id&gt;</c> (a member of the team); week: ISO week; handle_time: average
/// handle time in seconds; rework_rate and churn: fractions from 0 to 1. An empty cell was not measured; each line
/// measures at least one.</summary>
public static class KpiCsv
{
    public const string Header = "subject,week,handle_time,rework_rate,churn";

    public const int MaxLines = 20_000;

    public const int MaxErrorsListed = 50;

    public static KpiParseResult Parse(string text, IReadOnlySet<string> memberIds)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var errors = new List<string>();
        if (lines.Length == 0 || lines[0].Trim().TrimStart('\uFEFF') != Header)
        {
            return new([], [$"line 1: the header must be exactly “{Header}”."]);
        }

        if (lines.Length - 1 > MaxLines)
        {
            return new([], [$"The file has {lines.Length - 1} data lines; at most {MaxLines} are accepted per import."]);
        }

        var rows = new List<KpiRecord>();
        var seen = new Dictionary<(string?, string), int>();
        for (var i = 1; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var row = ParseLine(lines[i], lineNo, memberIds, errors);
            if (row is null)
            {
                continue;
            }

            if (seen.TryGetValue((row.UserId, row.Week), out var first))
            {
                errors.Add($"line {lineNo}: {Subject(row)} {row.Week} is already on line {first}.");
                continue;
            }

            seen[(row.UserId, row.Week)] = lineNo;
            rows.Add(row);
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add("The file has a header but no data lines.");
        }

        return errors.Count == 0 ? new(rows, []) : new([], Limit(errors));
    }

    private static KpiRecord? ParseLine(string line, int lineNo, IReadOnlySet<string> memberIds, List<string> errors)
    {
        var before = errors.Count;
        if (line.Contains('"', StringComparison.Ordinal))
        {
            errors.Add($"line {lineNo}: quotes are not accepted; no field needs them.");
            return null;
        }

        var cells = line.Split(',');
        if (cells.Length != 5)
        {
            errors.Add($"line {lineNo}: expected 5 fields ({Header}), found {cells.Length}.");
            return null;
        }

        var subject = cells[0].Trim();
        string? userId = null;
        if (subject.StartsWith("person:", StringComparison.Ordinal))
        {
            userId = subject["person:".Length..];
            if (!memberIds.Contains(userId))
            {
                errors.Add($"line {lineNo}: subject: “{userId}” is not a member of this team.");
            }
        }
        else if (subject != "team")
        {
            errors.Add($"line {lineNo}: subject: use “team” or “person:<user id>”, not “{subject}”.");
        }

        var week = cells[1].Trim();
        if (!IsoWeek.TryParse(week, out _))
        {
            errors.Add($"line {lineNo}: week: “{week}” is not an ISO week such as 2026-W05.");
        }

        var handle = Measure(cells[2], lineNo, "handle_time", 0, 86_400, errors);
        var rework = Measure(cells[3], lineNo, "rework_rate", 0, 1, errors);
        var churn = Measure(cells[4], lineNo, "churn", 0, 1, errors);
        if (errors.Count == before && handle is null && rework is null && churn is null)
        {
            errors.Add($"line {lineNo}: no measure given; fill at least one of handle_time, rework_rate, churn.");
        }

        return errors.Count == before ? new KpiRecord(userId, week, handle, rework, churn) : null;
    }

    private static double? Measure(string cell, int lineNo, string field, double min, double max, List<string> errors)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add($"line {lineNo}: {field}: “{text}” must be a number from {min} to {max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return value;
    }

    private static string Subject(KpiRecord row) => row.UserId is null ? "team" : $"person:{row.UserId}";

    private static List<string> Limit(List<string> errors) => errors.Count <= MaxErrorsListed
        ? errors
        : [.. errors.Take(MaxErrorsListed), $"…and {errors.Count - MaxErrorsListed} more problems."];
}
