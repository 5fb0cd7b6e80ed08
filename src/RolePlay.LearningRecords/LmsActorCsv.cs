using RolePlay.Core.Storage;

namespace RolePlay.LearningRecords;

/// <summary>The result of reading an actor map: every row, or every problem (each naming its line) and no rows.</summary>
public sealed record LmsActorParseResult(IReadOnlyList<LmsActor> Actors, IReadOnlyList<string> Errors);

/// <summary>Reads a team's map from chat ids to its LMS's actors, strictly: one bad line and nothing is imported, with
/// every problem listed at once.
/// <code>
/// user_id,mbox,account_home_page,account_name
/// 29:1a2b3c,mailto:megan@contoso.com,,
/// U0AGENT1,,https://lms.contoso.com,megan.bowen
/// </code>
/// Each line gives an email (<c>mailto:</c>) or an LMS account (home page URL and name), not both.</summary>
public static class LmsActorCsv
{
    public const string Header = "user_id,mbox,account_home_page,account_name";

    public const int MaxLines = 50_000;

    public static LmsActorParseResult Parse(string text, TenantScope tenant)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        if (lines[0].Trim().TrimStart('\uFEFF') != Header)
        {
            return new([], [$"line 1: the header must be exactly “{Header}”."]);
        }

        if (lines.Length - 1 > MaxLines)
        {
            return new([], [$"The file has {lines.Length - 1} data lines; at most {MaxLines} are accepted."]);
        }

        var actors = new List<LmsActor>();
        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = i + 1;
            var cells = lines[i].Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length != 4)
            {
                errors.Add($"line {line}: {cells.Length} cells, expected 4 ({Header}); ids and names hold no commas.");
                continue;
            }

            var (userId, mbox, homePage, name) = (cells[0], Blank(cells[1]), Blank(cells[2]), Blank(cells[3]));
            if (Problem(userId, mbox, homePage, name) is { } problem)
            {
                errors.Add($"line {line}: {problem}");
            }
            else if (seen.TryGetValue(userId, out var first))
            {
                errors.Add($"line {line}: {userId} is already mapped on line {first}.");
            }
            else
            {
                seen[userId] = line;
                actors.Add(new LmsActor(new PersonKey(tenant, userId), mbox, homePage, name));
            }
        }

        return errors.Count > 0 ? new([], errors) : new(actors, []);
    }

    private static string? Problem(string userId, string? mbox, string? homePage, string? name)
    {
        if (!KeyText.IsUsable(userId))
        {
            return "user_id is missing or not a usable id.";
        }

        if (mbox is not null)
        {
            return homePage is not null || name is not null ? "give an mbox or an account, not both."
                : !mbox.StartsWith("mailto:", StringComparison.Ordinal) || mbox.IndexOf('@', StringComparison.Ordinal) < 8
                    ? $"mbox must be mailto:<email>, got “{mbox}”." : null;
        }

        if (homePage is null || name is null)
        {
            return "give an mbox, or both account_home_page and account_name.";
        }

        return Uri.TryCreate(homePage, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? null
            : $"account_home_page must be an absolute http(s) URL, got “{homePage}”.";
    }

    private static string? Blank(string cell) => cell.Length == 0 ? null : cell;
}
