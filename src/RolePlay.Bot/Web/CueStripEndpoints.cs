using RolePlay.Core.Content;
using RolePlay.Core.CueStrips;

namespace RolePlay.Bot.Web;

/// <summary>The cue cards as a printable sheet of keyboard strips: <c>GET /cues/strips.pdf</c> and
/// <c>/cues/strips.svg</c>, <c>?style=standard|high-contrast|large-print</c>. Behind the site's sign-in (local mode:
/// this machine), like the dashboard: the sheet is the team's content.</summary>
internal static class CueStripEndpoints
{
    public static void Map(WebApplication app)
    {
        var cues = app.MapGroup("/cues").RequireAuthorization(WebAccess.Policy);
        cues.MapGet("/strips.pdf", (string? style, ContentCatalog catalog) => SheetOf(style, catalog) is { } sheet
            ? Results.File(CueStripPdf.Render(sheet), "application/pdf", "roleplay-cue-strips.pdf")
            : UnknownStyle(style));
        cues.MapGet("/strips.svg", (string? style, ContentCatalog catalog) => SheetOf(style, catalog) is { } sheet
            ? Results.Text(CueStripSvg.Render(sheet), "image/svg+xml; charset=utf-8")
            : UnknownStyle(style));
    }

    private static CueStripSheet? SheetOf(string? style, ContentCatalog catalog) =>
        style is null ? CueStripSheet.Of(catalog, CueStripStyle.Standard)
        : CueStripSheet.StyleNames.TryGetValue(style, out var named) ? CueStripSheet.Of(catalog, named)
        : null;

    private static IResult UnknownStyle(string? style) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown style",
        detail: $"“{style}” is not a strip style: use {string.Join(", ", CueStripSheet.StyleNames.Keys)}.");
}
