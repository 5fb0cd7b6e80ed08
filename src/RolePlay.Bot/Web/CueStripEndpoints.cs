using RolePlay.Core.Content;
using RolePlay.Core.CueStrips;

namespace RolePlay.Bot.Web;

/// <summary>The cue cards as a printable sheet of keyboard strips: <c>GET /cues/strips.pdf</c> and
/// <c>/cues/strips.svg</c>, <c>?style=standard|high-contrast|large-print</c> and <c>&amp;language=es</c> (the cards'
/// own, English, by default). Behind the site's sign-in (local mode:
/// this machine), like the dashboard: the sheet is the team's content.</summary>
internal static class CueStripEndpoints
{
    public static void Map(WebApplication app)
    {
        var cues = app.MapGroup("/cues").RequireAuthorization(WebAccess.Policy);
        cues.MapGet("/strips.pdf", (string? style, string? language, ContentCatalog catalog) =>
            Sheet(style, language, catalog, sheet => Results.File(CueStripPdf.Render(sheet), "application/pdf", "roleplay-cue-strips.pdf")));
        cues.MapGet("/strips.svg", (string? style, string? language, ContentCatalog catalog) =>
            Sheet(style, language, catalog, sheet => Results.Text(CueStripSvg.Render(sheet), "image/svg+xml; charset=utf-8")));
    }

    private static IResult Sheet(string? style, string? language, ContentCatalog catalog, Func<CueStripSheet, IResult> render)
    {
        var named = CueStripStyle.Standard;
        if (style is not null && !CueStripSheet.StyleNames.TryGetValue(style, out named))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown style",
                detail: $"“{style}” is not a strip style: use {string.Join(", ", CueStripSheet.StyleNames.Keys)}.");
        }

        var languages = CueStripSheet.Languages(catalog);
        if (language is not null && !languages.Contains(language))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                detail: $"The cue cards are not written in “{language}”: use {string.Join(", ", languages)}.");
        }

        return render(CueStripSheet.Of(catalog, named, language));
    }
}
