namespace RolePlay.Core.CueStrips;

/// <summary>How a style sets a cue in its box: the strip's height, the largest and smallest type, and how many lines it
/// may break into. The largest size that fits wins (on fewer lines at the same size); a cue too long even at the
/// smallest is cut at a word with "…", so nothing ever runs out of its strip. <see cref="MarkPt"/> sets a strip's mark
/// (the cue of the week's label).</summary>
internal sealed record StripFit(double HeightMm, double MaxPt, double MinPt, int MaxLines, double MarkPt)
{
    public static StripFit For(CueStripStyle style) => style switch
    {
        CueStripStyle.LargePrint => new(HeightMm: 24, MaxPt: 28, MinPt: 18, MaxLines: 2, MarkPt: 12),
        _ => new(HeightMm: 15, MaxPt: 20, MinPt: 9, MaxLines: 2, MarkPt: 7),
    };

    public (IReadOnlyList<string> Lines, double SizePt) Set(string text, double widthMm)
    {
        var widthPt = widthMm / CueStripSheet.MmPerPt;
        (List<string> Lines, double Size)? best = null;
        for (var lines = 1; lines <= MaxLines; lines++)
        {
            // Lines of this many must also fit the strip's height (a little air above and below). More lines win only
            // when they set the cue larger: a glance reads big type, not a line.
            var tallest = Math.Min(MaxPt, (HeightMm - 2) / CueStripSheet.MmPerPt / (lines * CueStripSheet.LineSpacing));
            for (var size = Math.Floor(tallest * 2) / 2; size >= MinPt && size > (best?.Size ?? 0); size -= 0.5)
            {
                if (Break(text, lines, size, widthPt) is { } broken)
                {
                    best = (broken, size);
                    break;
                }
            }
        }

        if (best is { } set)
        {
            return (set.Lines, set.Size);
        }

        var floor = Math.Min(MinPt, (HeightMm - 2) / CueStripSheet.MmPerPt / (MaxLines * CueStripSheet.LineSpacing));
        return (Cut(text, floor, widthPt), floor);
    }

    /// <summary>The text in at most <paramref name="lines"/> lines no wider than <paramref name="widthPt"/>, filling each
    /// line greedily; null when it needs more.</summary>
    private static List<string>? Break(string text, int lines, double sizePt, double widthPt)
    {
        var result = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : $"{line} {word}";
            if (StripFont.WidthPt(longer, sizePt) <= widthPt)
            {
                line = longer;
                continue;
            }

            if (line.Length == 0 || result.Count + 1 >= lines)
            {
                return null;
            }

            result.Add(line);
            line = word;
            if (StripFont.WidthPt(line, sizePt) > widthPt)
            {
                return null;
            }
        }

        result.Add(line);
        return result;
    }

    private List<string> Cut(string text, double sizePt, double widthPt)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1)
        {
            words.RemoveAt(words.Count - 1);
            if (Break(string.Join(' ', words) + "…", MaxLines, sizePt, widthPt) is { } cut)
            {
                return cut;
            }
        }

        return ["…"];
    }
}
