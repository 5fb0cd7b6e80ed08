using System.Security;
using System.Text;

namespace RolePlay.Core.CueStrips;

/// <summary>A strip sheet as one SVG in millimetres, its pages one under another: what the browser shows and prints,
/// set exactly as the PDF is (the same boxes, sizes, lines and baselines).</summary>
public static class CueStripSvg
{
    public static string Render(CueStripSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var (paper, ink, line) = Colours(sheet.Style);
        var height = CueStripSheet.PageHeightMm * Math.Max(1, sheet.Pages.Count);
        var svg = new StringBuilder();
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Mm(CueStripSheet.PageWidthMm)}mm" height="{Mm(height)}mm" viewBox="0 0 {Mm(CueStripSheet.PageWidthMm)} {Mm(height)}" role="img" aria-labelledby="title">""");
        svg.Append("<title id=\"title\">RolePlay cue strips</title>");
        for (var p = 0; p < sheet.Pages.Count; p++)
        {
            svg.Append($"""<g class="page" transform="translate(0 {Mm(p * CueStripSheet.PageHeightMm)})">""");
            svg.Append($"""<rect width="{Mm(CueStripSheet.PageWidthMm)}" height="{Mm(CueStripSheet.PageHeightMm)}" fill="#ffffff"/>""");
            foreach (var strip in sheet.Pages[p].Strips)
            {
                svg.Append($"""<g class="strip"><rect x="{Mm(strip.XMm)}" y="{Mm(strip.YMm)}" width="{Mm(strip.WidthMm)}" height="{Mm(strip.HeightMm)}" fill="{paper}" stroke="{line}" stroke-width="0.3" stroke-dasharray="2 1"/>""");
                var size = strip.FontSizePt * CueStripSheet.MmPerPt;
                foreach (var (text, baseline) in strip.Lines.Zip(strip.BaselinesMm))
                {
                    // The line's length as Helvetica-Bold sets it: a viewer with a wider font squeezes to it, so the
                    // text stays inside its strip whatever the machine has installed.
                    var length = StripFont.WidthPt(text, strip.FontSizePt) * CueStripSheet.MmPerPt;
                    svg.Append($"""<text x="{Mm(strip.XMm + CueStripSheet.PaddingMm)}" y="{Mm(strip.YMm + baseline)}" textLength="{Mm(length)}" lengthAdjust="spacingAndGlyphs" font-family="{StripFont.CssFamily}" font-weight="700" font-size="{Mm(size)}" fill="{ink}">{SecurityElement.Escape(text)}</text>""");
                }

                if (strip.Mark is { } mark)
                {
                    var (markX, markBaseline) = strip.MarkAt;
                    svg.Append($"""<text class="mark" x="{Mm(strip.XMm + markX)}" y="{Mm(strip.YMm + markBaseline)}" textLength="{Mm(strip.MarkWidthMm)}" lengthAdjust="spacingAndGlyphs" font-family="{StripFont.CssFamily}" font-weight="700" font-size="{Mm(strip.MarkSizePt * CueStripSheet.MmPerPt)}" fill="{ink}">{SecurityElement.Escape(mark)}</text>""");
                }

                svg.Append("</g>");
            }

            svg.Append($"""<text x="{Mm((CueStripSheet.PageWidthMm - CueStripSheet.StripWidthMm) / 2)}" y="{Mm(CueStripSheet.PageHeightMm - 6)}" font-family="{StripFont.CssFamily}" font-size="3" fill="#555555">{SecurityElement.Escape(sheet.Footer)}</text>""");
            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Paper, ink and cut-line colours: high contrast is white on black with a black edge.</summary>
    internal static (string Paper, string Ink, string Line) Colours(CueStripStyle style) =>
        style == CueStripStyle.HighContrast ? ("#000000", "#ffffff", "#000000") : ("#ffffff", "#111111", "#777777");

    private static string Mm(double value) => StripFont.Points(value);
}
