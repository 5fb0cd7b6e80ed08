namespace RolePlay.Slack.BlockKit;

/// <summary>Text rules of Block Kit: escaping for mrkdwn and truncation to a field's limit.</summary>
public static class SlackText
{
    public const string Ellipsis = "…";

    /// <summary>Escapes user text for mrkdwn: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, only these and in that order, so
    /// typed <c>&lt;@U123&gt;</c> or <c>&lt;!channel&gt;</c> shows as text and never pings anyone.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>At most <paramref name="max"/> characters, ending with "…" when cut; never splits a surrogate pair or an
    /// escape entity.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        var amp = text.LastIndexOf('&', Math.Max(cut - 1, 0));
        if (amp >= 0 && cut - amp < 5 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        return text[..Math.Max(cut, 0)] + Ellipsis;
    }

    /// <summary>Splits long text into chunks of at most <paramref name="max"/> characters, preferring line breaks.</summary>
    public static IEnumerable<string> Chunk(string text, int max)
    {
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut < max / 2)
            {
                cut = char.IsHighSurrogate(rest[max - 1]) ? max - 1 : max;
                var amp = rest.LastIndexOf('&', cut - 1);
                if (amp >= 0 && cut - amp < 5 && rest.IndexOf(';', amp) >= cut)
                {
                    cut = amp;
                }
            }

            yield return rest[..cut];
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
