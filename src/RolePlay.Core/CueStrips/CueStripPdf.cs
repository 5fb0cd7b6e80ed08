using System.Globalization;
using System.Text;

namespace RolePlay.Core.CueStrips;

/// <summary>A strip sheet as a PDF 1.4 file: one A4 landscape page per sheet page, Helvetica-Bold (a standard font, not
/// embedded), rectangles and text only, with a cross-reference table so any reader opens it. Coordinates are points
/// from the bottom-left, as PDF counts them.</summary>
public static class CueStripPdf
{
    private const double PtPerMm = 72 / 25.4;

    public static byte[] Render(CueStripSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var pages = sheet.Pages.Count == 0 ? [new CueStripPage([])] : sheet.Pages;
        var file = new PdfFile();
        file.Add("<< /Type /Catalog /Pages 2 0 R >>");
        var kids = string.Join(' ', pages.Select((_, i) => $"{PageObject(i)} 0 R"));
        file.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        file.Add($"<< /Type /Font /Subtype /Type1 /BaseFont /{StripFont.PdfName} /Encoding /WinAnsiEncoding >>");
        file.Add("<< /Title (RolePlay cue strips) /Producer (RolePlay) >>");
        var width = Pt(CueStripSheet.PageWidthMm);
        var height = Pt(CueStripSheet.PageHeightMm);
        for (var i = 0; i < pages.Count; i++)
        {
            file.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Resources << /Font << /F1 3 0 R >> >> /Contents {PageObject(i) + 1} 0 R >>");
            file.AddStream(Content(pages[i], sheet.Style, sheet.Footer));
        }

        return file.Build(infoObject: 4);
    }

    // Objects 1-4 are the catalog, page tree, font and info; then each page and its content stream.
    private static int PageObject(int index) => 5 + (2 * index);

    private static byte[] Content(CueStripPage page, CueStripStyle style, string footer)
    {
        var (paper, ink, line) = CueStripSvg.Colours(style);
        var content = new PdfContent();
        foreach (var strip in page.Strips)
        {
            content.Op($"{Rgb(paper)} rg {Rgb(line)} RG 0.85 w [5.7 2.8] 0 d");
            content.Op($"{Pt(strip.XMm)} {Y(strip.YMm + strip.HeightMm)} {Pt(strip.WidthMm)} {Pt(strip.HeightMm)} re B");
            foreach (var (text, baseline) in strip.Lines.Zip(strip.BaselinesMm))
            {
                content.Op($"BT {Rgb(ink)} rg /F1 {StripFont.Points(strip.FontSizePt)} Tf {Pt(strip.XMm + CueStripSheet.PaddingMm)} {Y(strip.YMm + baseline)} Td");
                content.Text(text);
                content.Op("Tj ET");
            }

            if (strip.Mark is { } mark)
            {
                var (markX, markBaseline) = strip.MarkAt;
                content.Op($"BT {Rgb(ink)} rg /F1 {StripFont.Points(strip.MarkSizePt)} Tf {Pt(strip.XMm + markX)} {Y(strip.YMm + markBaseline)} Td");
                content.Text(mark);
                content.Op("Tj ET");
            }
        }

        content.Op($"BT 0.333 0.333 0.333 rg /F1 8.5 Tf {Pt((CueStripSheet.PageWidthMm - CueStripSheet.StripWidthMm) / 2)} {Y(CueStripSheet.PageHeightMm - 6)} Td");
        content.Text(footer);
        content.Op("Tj ET");
        return content.ToArray();
    }

    private static string Pt(double mm) => StripFont.Points(mm * PtPerMm);

    private static string Y(double mmFromTop) => Pt(CueStripSheet.PageHeightMm - mmFromTop);

    private static string Rgb(string hex) => string.Join(' ', Enumerable.Range(0, 3).Select(i =>
        StripFont.Points(int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0)));

    /// <summary>A page's content stream: operators as ASCII, text as WinAnsi bytes in a PDF string.</summary>
    private sealed class PdfContent
    {
        private readonly MemoryStream _bytes = new();

        public void Op(string op) => Write(Encoding.ASCII.GetBytes(op + "\n"));

        public void Text(string text)
        {
            _bytes.WriteByte((byte)'(');
            foreach (var b in StripFont.Encode(text))
            {
                if (b is (byte)'(' or (byte)')' or (byte)'\\')
                {
                    _bytes.WriteByte((byte)'\\');
                }

                _bytes.WriteByte(b);
            }

            Write(") "u8.ToArray());
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Write(byte[] bytes) => _bytes.Write(bytes);
    }

    /// <summary>Numbered objects written in order, then the cross-reference table of their byte offsets.</summary>
    private sealed class PdfFile
    {
        private readonly MemoryStream _bytes = new();
        private readonly List<long> _offsets = [];

        // The second line's bytes above 127 tell transfer tools the file is binary.
        public PdfFile() => Write(Encoding.Latin1.GetBytes("%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n"));

        public void Add(string body)
        {
            Begin();
            Write(Encoding.ASCII.GetBytes(body + "\nendobj\n"));
        }

        public void AddStream(byte[] data)
        {
            Begin();
            Write(Encoding.ASCII.GetBytes($"<< /Length {data.Length} >>\nstream\n"));
            Write(data);
            Write("\nendstream\nendobj\n"u8.ToArray());
        }

        public byte[] Build(int infoObject)
        {
            var xref = _bytes.Position;
            var table = new StringBuilder($"xref\n0 {_offsets.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in _offsets)
            {
                table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
            }

            table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {_offsets.Count + 1} /Root 1 0 R /Info {infoObject} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            Write(Encoding.ASCII.GetBytes(table.ToString()));
            return _bytes.ToArray();
        }

        private void Begin()
        {
            _offsets.Add(_bytes.Position);
            Write(Encoding.ASCII.GetBytes($"{_offsets.Count} 0 obj\n"));
        }

        private void Write(byte[] bytes) => _bytes.Write(bytes);
    }
}
