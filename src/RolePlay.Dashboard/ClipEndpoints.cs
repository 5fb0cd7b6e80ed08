using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using RolePlay.Core.Clips;
using RolePlay.Core.Insights;
using RolePlay.Core.Storage;

namespace RolePlay.Dashboard;

/// <summary>A team's voice clips on the dashboard: the list a listener may hear and each clip's audio, streamed with
/// range requests. The listener is the signed-in viewer (tenant and team from their sign-in, never the URL); a clip
/// outside their tenant, team or audience is 404, the same as one that does not exist.</summary>
internal static class ClipEndpoints
{
    public static void MapClips(this RouteGroupBuilder group)
    {
        group.MapGet("/api/teams/{teamId}/clips", ListAsync);
        group.MapGet("/api/teams/{teamId}/clips/{clipId}/audio", AudioAsync);
    }

    public static ClipListener ListenerOf(DashboardViewer viewer) => new(viewer.Tenant, viewer.UserId, viewer.TeamId, viewer.IsManager, viewer.IsLocal);

    private static async Task<Results<Ok<IReadOnlyList<ClipView>>, UnauthorizedHttpResult>> ListAsync(string teamId, HttpContext context,
        DashboardEndpoints.DashboardServices s, ClipLibrary clips)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        var listed = await clips.ListAsync(ListenerOf(viewer), teamId, context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<ClipView>>(listed.Select(ClipView.Of).ToArray());
    }

    private static async Task<IResult> AudioAsync(string teamId, string clipId, HttpContext context, DashboardEndpoints.DashboardServices s,
        ClipLibrary clips)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        if (await clips.OpenAsync(ListenerOf(viewer), teamId, clipId, context.RequestAborted) is not { } opened)
        {
            return TypedResults.NotFound();
        }

        var (clip, audio) = opened;
        // Private: a clip is for its audience, so no shared cache may keep it.
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(audio, clip.ContentType, enableRangeProcessing: true,
            entityTag: new EntityTagHeaderValue($"\"{clip.ClipId}\""), lastModified: clip.CreatedUtc);
    }
}

/// <summary>A clip as a player shows it: its transcript line (the phrase itself), who may hear it, how long it is, and
/// where its audio is. The owner is not named: a clip is about the phrase, not a ranking of people.</summary>
public sealed record ClipView(string ClipId, string TeamId, string Transcript, string Audience, string Subject, double? Seconds, DateTimeOffset CreatedUtc,
    string Audio)
{
    public static ClipView Of(ClipRecord clip) => new(clip.ClipId, clip.TeamId, clip.Transcript, clip.Audience == ClipAudience.Team ? "team" : "managers",
        clip.Subject.Kind == ClipSubjectKind.Phrase ? "phrase" : "moment", clip.Seconds, clip.CreatedUtc,
        $"/dashboard/api/teams/{Uri.EscapeDataString(clip.TeamId)}/clips/{clip.ClipId}/audio");
}
