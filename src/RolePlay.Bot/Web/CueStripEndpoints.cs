using RolePlay.Core.Content;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Storage;
using RolePlay.Studio;
using RolePlay.Studio.Http;

namespace RolePlay.Bot.Web;

/// <summary>The cue cards as a printable sheet of keyboard strips: <c>GET /cues/strips.pdf</c> and
/// <c>/cues/strips.svg</c>, <c>?style=standard|high-contrast|large-print</c> and <c>&amp;language=es</c> (the cards'
/// own, English, by default). Behind the site's sign-in (local mode: this machine), like the dashboard: the sheet is
/// the team's content. A team's own sheet, <c>/cues/teams/{teamId}/strips.{pdf,svg}</c>, starts with its cue of the
/// week and prints in its language unless <c>?language=</c> says otherwise; it answers only the team's members (the
/// caller's own record names the team, in the caller's own tenant), and anyone else gets the 404 of a team that is
/// not there.</summary>
internal static class CueStripEndpoints
{
    public static void Map(WebApplication app)
    {
        var cues = app.MapGroup("/cues").RequireAuthorization(WebAccess.Policy);
        cues.MapGet("/strips.pdf", (string? style, string? language, ContentCatalog catalog) =>
            Sheet(style, language, catalog, null, Pdf));
        cues.MapGet("/strips.svg", (string? style, string? language, ContentCatalog catalog) =>
            Sheet(style, language, catalog, null, Svg));
        cues.MapGet("/teams/{teamId}/strips.pdf", (HttpContext context, string teamId, string? style, string? language, TeamSheets sheets) =>
            sheets.RenderAsync(context, teamId, style, language, Pdf));
        cues.MapGet("/teams/{teamId}/strips.svg", (HttpContext context, string teamId, string? style, string? language, TeamSheets sheets) =>
            sheets.RenderAsync(context, teamId, style, language, Svg));
    }

    private static IResult Pdf(CueStripSheet sheet) => Results.File(CueStripPdf.Render(sheet), "application/pdf", "roleplay-cue-strips.pdf");

    private static IResult Svg(CueStripSheet sheet) => Results.Text(CueStripSvg.Render(sheet), "image/svg+xml; charset=utf-8");

    private static IResult Sheet(string? style, string? language, ContentCatalog catalog, CueCard? cueOfTheWeek, Func<CueStripSheet, IResult> render)
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

        return render(CueStripSheet.Of(catalog, named, language, cueOfTheWeek));
    }

    /// <summary>The services a team's sheet needs, in one bundle.</summary>
    internal sealed class TeamSheets(StudioIdentity identity, IPeopleStore people, ITeamStore teams, CueOfTheWeek cueOfTheWeek, ContentCatalog catalog)
    {
        public async Task<IResult> RenderAsync(HttpContext context, string teamId, string? style, string? language, Func<CueStripSheet, IResult> render)
        {
            var ct = context.RequestAborted;
            if (identity.Resolve(context) is not { } user
                || await people.GetAsync(StudioChannel.KeyOf(user), ct) is not { TeamId: { } own } person
                || own != teamId
                || await teams.GetAsync(person.Key.Tenant, teamId, ct) is not { } team)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such team",
                    detail: "This sheet is for a team you're not in. Your own team's sheet is linked from the studio's Team page.");
            }

            return Sheet(style, language ?? team.CueLanguage, catalog, await cueOfTheWeek.CurrentAsync(team, ct), render);
        }
    }
}
