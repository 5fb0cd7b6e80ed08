using RolePlay.Core.Content;

namespace RolePlay.Core.CueStrips;

/// <summary>The three ways a sheet is printed: dark text on white with a grey cut line; white on black for low
/// vision; and large print (at least 18 pt, the usual large-print floor) in taller strips.</summary>
public enum CueStripStyle { Standard, HighContrast, LargePrint }

/// <summary>One strip, in millimetres from the page's top-left corner, with its text broken into lines at one size.
/// <see cref="BaselinesMm"/> are the lines' baselines from the strip's top, shared by the PDF and SVG so both print
/// the same. <see cref="Mark"/> is a small label set at the strip's right end ("CUE OF THE WEEK"), beside the cue,
/// never over it.</summary>
public sealed record CueStrip(double XMm, double YMm, double WidthMm, double HeightMm, IReadOnlyList<string> Lines, double FontSizePt)
{
    public string? Mark { get; init; }

    /// <summary>The mark's size: small beside the cue, larger in large print.</summary>
    public double MarkSizePt { get; init; }

    public double MarkWidthMm => Mark is null ? 0 : StripFont.WidthPt(Mark, MarkSizePt) * CueStripSheet.MmPerPt;

    /// <summary>Where the mark's baseline starts, from the strip's left and top edges: right-aligned inside the
    /// padding, centred on the strip's height (Helvetica's capitals stand about 0.72 of the size).</summary>
    public (double XMm, double BaselineMm) MarkAt => Mark is null
        ? default
        : (WidthMm - CueStripSheet.PaddingMm - MarkWidthMm, (HeightMm / 2) + (MarkSizePt * CueStripSheet.MmPerPt * 0.36));

    public IReadOnlyList<double> BaselinesMm
    {
        get
        {
            var lineMm = FontSizePt * CueStripSheet.MmPerPt * CueStripSheet.LineSpacing;
            var top = (HeightMm - (lineMm * Lines.Count)) / 2;
            // A baseline sits about 0.8 of a line below the line's top for Helvetica's ascender.
            return Lines.Select((_, i) => top + (lineMm * i) + (lineMm * 0.8)).ToList();
        }
    }
}

public sealed record CueStripPage(IReadOnlyList<CueStrip> Strips);

/// <summary>A printable sheet of cue strips: A4 landscape, one cue per strip, each strip 260 mm wide so it sits above
/// the function row of a laptop or desktop keyboard (Esc to F12). The text of each strip is set as large as fits its
/// box, on one line when it can.</summary>
public sealed record CueStripSheet(CueStripStyle Style, IReadOnlyList<CueStripPage> Pages)
{
    public const double PageWidthMm = 297;
    public const double PageHeightMm = 210;
    public const double StripWidthMm = 260;
    public const double MmPerPt = 25.4 / 72;
    public const double LineSpacing = 1.2;
    public const double PaddingMm = 4;
    private const double MarginMm = 14;
    private const double GapMm = 5;

    /// <summary>The sheet's own words, the label on the team's cue of the week and the cutting line at the foot, in
    /// the languages the shipped cue cards are translated into, so a team's sheet reads in one language; a language
    /// only a team's own cards are written in gets them in English.</summary>
    private static readonly IReadOnlyDictionary<string, (string WeekMark, string Footer)> OwnWords =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            [CueCard.OwnLanguage] = ("CUE OF THE WEEK", "Cut along the lines. Each strip sits above your keyboard's function row (Esc to F12)."),
            ["es"] = ("RECORDATORIO DE LA SEMANA", "Recorta por las líneas. Cada tira va sobre la fila de teclas de función (de Esc a F12)."),
            ["fr"] = ("RAPPEL DE LA SEMAINE", "Découpez le long des traits. Chaque bande se place au-dessus des touches de fonction (de Échap à F12)."),
            ["de"] = ("HINWEIS DER WOCHE", "Entlang der Linien ausschneiden. Jeder Streifen passt über die Funktionstasten (Esc bis F12)."),
        };

    /// <summary>The label on the team's cue of the week, the first strip of a team's sheet.</summary>
    public static string WeekMarkIn(string? language) => WordsIn(language).WeekMark;

    /// <summary>The cutting line printed at the foot of every page.</summary>
    public string Footer { get; init; } = WordsIn(null).Footer;

    /// <summary>The styles by the names the web route and the CLI take.</summary>
    public static readonly IReadOnlyDictionary<string, CueStripStyle> StyleNames = new Dictionary<string, CueStripStyle>(StringComparer.OrdinalIgnoreCase)
    {
        ["standard"] = CueStripStyle.Standard,
        ["high-contrast"] = CueStripStyle.HighContrast,
        ["large-print"] = CueStripStyle.LargePrint,
    };

    /// <summary>Every cue card of the catalog (the shipped packs and the team's own), grouped by the moment it is for, in
    /// <paramref name="language"/> (a card not translated into it prints in its own). A team's
    /// <paramref name="cueOfTheWeek"/> goes first, marked, and is not repeated among the rest.</summary>
    public static CueStripSheet Of(ContentCatalog catalog, CueStripStyle style, string? language = null, CueCard? cueOfTheWeek = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var rest = catalog.CueCards.Values.Where(c => c.Id != cueOfTheWeek?.Id).OrderBy(c => c.Trigger).ThenBy(c => c.Id, StringComparer.Ordinal);
        var cues = (cueOfTheWeek is null ? rest : rest.Prepend(cueOfTheWeek)).Select(c => c.TextIn(language)).ToList();
        return Lay(cues, style, cueOfTheWeek is null ? null : WeekMarkIn(language)) with { Footer = WordsIn(language).Footer };
    }

    private static (string WeekMark, string Footer) WordsIn(string? language) =>
        OwnWords.TryGetValue(language ?? CueCard.OwnLanguage, out var words) ? words : OwnWords[CueCard.OwnLanguage];

    /// <summary>The languages a sheet can be printed in: the cards' own and every one some card is translated into.</summary>
    public static IReadOnlyList<string> Languages(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [CueCard.OwnLanguage, .. catalog.CueCards.Values.SelectMany(c => c.Translations.Keys).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>A language's English name ("Spanish (es)"), for replies and the studio's choice.</summary>
    public static string LanguageName(string code)
    {
        try
        {
            return $"{System.Globalization.CultureInfo.GetCultureInfo(code).EnglishName} ({code})";
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return code;
        }
    }

    /// <summary>Lays out <paramref name="cues"/> in <paramref name="style"/>, in the order given; the first carries
    /// <paramref name="firstMark"/> when given, and its cue is set in the width the mark leaves.</summary>
    public static CueStripSheet Lay(IReadOnlyList<string> cues, CueStripStyle style, string? firstMark = null)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var fit = StripFit.For(style);
        var perPage = (int)((PageHeightMm - (2 * MarginMm) + GapMm) / (fit.HeightMm + GapMm));
        var x = (PageWidthMm - StripWidthMm) / 2;
        var pages = cues
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select((cue, i) => (cue, i))
            .GroupBy(c => c.i / perPage)
            .Select(page => new CueStripPage(page
                .Select((c, row) =>
                {
                    var mark = c.i == 0 ? firstMark : null;
                    var markMm = mark is null ? 0 : (StripFont.WidthPt(mark, fit.MarkPt) * MmPerPt) + PaddingMm;
                    var (lines, size) = fit.Set(c.cue.Trim(), StripWidthMm - (2 * PaddingMm) - markMm);
                    return new CueStrip(x, MarginMm + (row * (fit.HeightMm + GapMm)), StripWidthMm, fit.HeightMm, lines, size)
                    {
                        Mark = mark,
                        MarkSizePt = mark is null ? 0 : fit.MarkPt,
                    };
                })
                .ToList()))
            .ToList();
        return new CueStripSheet(style, pages);
    }
}
