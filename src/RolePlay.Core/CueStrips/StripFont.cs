using System.Globalization;
using System.Text;

namespace RolePlay.Core.CueStrips;

/// <summary>Helvetica-Bold, one of the PDF standard fonts every viewer carries, so a strip sheet needs no embedded font:
/// its advance widths (Adobe's AFM, thousandths of an em) and the WinAnsi byte each character is printed as. What
/// WinAnsi cannot print becomes "?", and is measured as "?", so the measure is always of what prints. Arial Bold has
/// the same widths, which is what an SVG viewer without Helvetica draws.</summary>
internal static class StripFont
{
    public const string PdfName = "Helvetica-Bold";
    public const string CssFamily = "Helvetica, Arial, 'Liberation Sans', sans-serif";

    // Space (32) to tilde (126).
    private static readonly short[] Ascii =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];

    // The typographic marks cue text uses, at their WinAnsi codes.
    private static readonly Dictionary<char, (byte Code, short Width)> Marks = new()
    {
        ['\u2018'] = (0x91, 278), ['\u2019'] = (0x92, 278), ['\u201C'] = (0x93, 500), ['\u201D'] = (0x94, 500),
        ['\u2022'] = (0x95, 350), ['\u2013'] = (0x96, 556), ['\u2014'] = (0x97, 1000), ['\u2026'] = (0x85, 1000),
        ['\u20AC'] = (0x80, 556), ['\u00A0'] = (0xA0, 278),
    };

    /// <summary>The width of <paramref name="text"/> at <paramref name="sizePt"/>, in points.</summary>
    public static double WidthPt(string text, double sizePt) => text.Sum(c => (double)WidthOf(c)) * sizePt / 1000;

    /// <summary>Whether <paramref name="c"/> prints as itself, not as "?".</summary>
    public static bool Prints(char c) => c == '?' || CodeOf(c) != (byte)'?';

    /// <summary>The bytes a PDF string of <paramref name="text"/> carries in WinAnsiEncoding.</summary>
    public static byte[] Encode(string text) => text.Select(c => CodeOf(c)).ToArray();

    private static byte CodeOf(char c) =>
        c is >= ' ' and <= '~' ? (byte)c
        : Marks.TryGetValue(c, out var mark) ? mark.Code
        : c is >= '\u00A1' and <= '\u00FF' ? (byte)c // WinAnsi is Latin-1 there
        : (byte)'?';

    private static short WidthOf(char c)
    {
        if (c is >= ' ' and <= '~')
        {
            return Ascii[c - ' '];
        }

        if (Marks.TryGetValue(c, out var mark))
        {
            return mark.Width;
        }

        if (c is >= '\u00C0' and <= '\u00FF')
        {
            // An accented letter advances as its base letter does ("é" as "e"); the few others are wider or narrower.
            var letter = c.ToString().Normalize(NormalizationForm.FormD)[0];
            return c switch
            {
                'Æ' => 1000, 'æ' => 889, 'ß' => 611, 'Ø' => 778, 'ø' => 611, '×' or '÷' => 584, 'Ð' => 722, 'ð' => 611, 'Þ' => 667, 'þ' => 611,
                _ when letter is >= 'A' and <= 'z' => Ascii[letter - ' '],
                _ => 556,
            };
        }

        return c is >= '\u00A1' and <= '\u00BF' ? (short)556 : Ascii['?' - ' '];
    }

    public static string Points(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
