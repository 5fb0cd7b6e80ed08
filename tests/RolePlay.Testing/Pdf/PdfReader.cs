using System.Text.Json;

namespace RolePlay.Testing.Pdf;

/// <summary>A PDF as Mozilla's pdf.js reads it (<c>node tests/tools/pdf-read.mjs</c>): a reader we did not write, so a
/// file it cannot parse, or text it places elsewhere, is the file's fault. Positions in points from the bottom-left;
/// widths as pdf.js measures the font.</summary>
public static class PdfReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="pngPrefix">When set, each page is also drawn to "<paramref name="pngPrefix"/>-N.png".</param>
    public static async Task<PdfDocument> ReadAsync(string path, string? pngPrefix = null)
    {
        NodeTool.Require("pdfjs-dist");
        var output = await NodeTool.RunAsync("pdf-read.mjs", pngPrefix is null ? [path] : [path, pngPrefix]);
        return JsonSerializer.Deserialize<PdfDocument>(output, Json) ?? throw new InvalidOperationException("pdf-read.mjs printed nothing.");
    }
}

public sealed record PdfDocument(IReadOnlyList<PdfPage> Pages);

public sealed record PdfPage(double Width, double Height, IReadOnlyList<PdfTextItem> Items);

/// <summary>One run of text: its string, where its baseline starts, how wide and tall pdf.js sets it, in which font.</summary>
public sealed record PdfTextItem(string Text, double X, double Y, double Width, double Height, string Font);
