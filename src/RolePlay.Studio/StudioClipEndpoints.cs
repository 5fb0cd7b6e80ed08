using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RolePlay.Core.Clips;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;
using RolePlay.Studio.Http;

namespace RolePlay.Studio;

/// <summary>One's own voice clips in the studio: what a clip can be attached to, recording one (the audio is the body,
/// what it belongs to and who may hear it are the query), and removing one. Everything is the signed-in person's own;
/// the audio is played from the dashboard's clip route, which checks the audience.</summary>
public static class StudioClipEndpoints
{
    public sealed record OwnClipView(string ClipId, string TeamId, string Transcript, string Audience, string Subject, double? Seconds,
        string ContentType, long Bytes, DateTimeOffset CreatedUtc, string Audio);

    public sealed record ChoiceView(string Kind, string Id, string Text, DateTimeOffset AtUtc);

    public static void MapStudioClips(this RouteGroupBuilder learner)
    {
        learner.MapGet(StudioEndpoints.Api + "/clips", ListAsync);
        learner.MapPost(StudioEndpoints.Api + "/clips", RecordAsync);
        learner.MapDelete(StudioEndpoints.Api + "/clips/{teamId}/{clipId}", RemoveAsync);
        learner.MapPut(StudioEndpoints.Api + "/team/clips", SetRetentionAsync);
    }

    public sealed record RetentionRequest(int Days);

    private static async Task<IResult> ListAsync(HttpContext context, StudioIdentity identity, ClipLibrary clips, IPeopleStore people, ITeamStore teams)
    {
        if (identity.Resolve(context) is not { } user)
        {
            return StudioEndpoints.NotSignedIn();
        }

        var key = StudioChannel.KeyOf(user);
        var own = await clips.ListOwnAsync(key, context.RequestAborted);
        var choices = await clips.ChoicesAsync(key, context.RequestAborted);
        var person = await people.GetAsync(key, context.RequestAborted);
        var team = person?.TeamId is { } teamId ? await teams.GetAsync(key.Tenant, teamId, context.RequestAborted) : null;
        return TypedResults.Ok(new
        {
            clips = own.Select(Of).ToArray(),
            choices = choices.Select(c => new ChoiceView(c.Subject.Kind == ClipSubjectKind.Phrase ? "phrase" : "moment", c.Subject.Id, c.Text, c.AtUtc)).ToArray(),
            maxSeconds = ClipLimits.MaxSeconds,
            team = team is null ? null : new { team.TeamId, team.Name, retentionDays = team.ClipRetentionDays, isManager = person!.Manages(team.TeamId) },
        });
    }

    /// <summary>A manager sets how long the team's clips are kept (<c>{"days": 30}</c>), as “team clips 30” does in a channel.</summary>
    private static async Task<IResult> SetRetentionAsync(HttpContext context, StudioIdentity identity, IPeopleStore people, TeamSettings settings)
    {
        var (body, refusal) = await StudioRequests.ReadAsync<RetentionRequest>(context);
        if (refusal is not null)
        {
            return refusal;
        }

        if (identity.Resolve(context) is not { } user || await people.GetAsync(StudioChannel.KeyOf(user), context.RequestAborted) is not { } person)
        {
            return StudioEndpoints.NotSignedIn();
        }

        if (body!.Days is < ClipLimits.MinRetentionDays or > ClipLimits.MaxRetentionDays)
        {
            return StudioRequests.Invalid($"Keep clips from {ClipLimits.MinRetentionDays} to {ClipLimits.MaxRetentionDays} days.");
        }

        try
        {
            return await settings.SetClipRetentionAsync(person, body.Days, context.RequestAborted) is { } team
                ? TypedResults.Ok(new { retentionDays = team.ClipRetentionDays })
                : StudioRequests.Problem(StatusCodes.Status403Forbidden, "Managers only", "Only your team's managers set how long its clips are kept.");
        }
        catch (ConcurrencyConflictException)
        {
            return StudioRequests.Problem(StatusCodes.Status409Conflict, "Changed meanwhile", "The team changed at the same moment; save again.");
        }
    }

    /// <summary><c>POST /studio/api/clips?kind=phrase|moment&amp;id=…&amp;audience=team|managers&amp;consent=true</c> with the
    /// audio as the body. Its type is sniffed from the bytes; the Content-Type sent is not trusted.</summary>
    private static async Task<IResult> RecordAsync(HttpContext context, StudioIdentity identity, ClipLibrary clips)
    {
        if (StudioRequests.CheckOrigin(context) is { } refused)
        {
            return refused;
        }

        if (identity.Resolve(context) is not { } user)
        {
            return StudioEndpoints.NotSignedIn();
        }

        var query = context.Request.Query;
        ClipSubjectKind? kind = query["kind"].ToString() switch { "phrase" => ClipSubjectKind.Phrase, "moment" => ClipSubjectKind.Moment, _ => null };
        ClipAudience? audience = query["audience"].ToString() switch { "team" => ClipAudience.Team, "managers" => ClipAudience.Managers, _ => null };
        var id = query["id"].ToString();
        if (kind is null || audience is null || id.Length is 0 or > 100)
        {
            return StudioRequests.Invalid("Say what the clip belongs to (kind=phrase|moment and its id) and who may hear it (audience=team|managers).");
        }

        if (context.Request.ContentLength > ClipLimits.MaxBytes)
        {
            return Refusal(ClipLibrary.TooLarge());
        }

        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > ClipLimits.MaxBytes)
            {
                return Refusal(ClipLibrary.TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        var outcome = await clips.KeepAsync(StudioChannel.KeyOf(user), new ClipSubject(kind.Value, id), audience.Value, query["consent"] == "true",
            buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
        return outcome is ClipOutcome.Kept kept ? TypedResults.Created((string?)null, Of(kept.Clip)) : Refusal((ClipOutcome.Refused)outcome);
    }

    private static async Task<IResult> RemoveAsync(string teamId, string clipId, HttpContext context, StudioIdentity identity, ClipLibrary clips)
    {
        if (StudioRequests.CheckOrigin(context) is { } refused)
        {
            return refused;
        }

        if (identity.Resolve(context) is not { } user)
        {
            return StudioEndpoints.NotSignedIn();
        }

        return await clips.RemoveAsync(StudioChannel.KeyOf(user), teamId, clipId, context.RequestAborted)
            ? TypedResults.NoContent()
            : StudioRequests.Problem(StatusCodes.Status404NotFound, "No such clip", "You have no clip with that id.");
    }

    private static IResult Refusal(ClipOutcome.Refused refused)
    {
        var (status, title) = refused.Reason switch
        {
            ClipRefusal.NotAudio => (StatusCodes.Status415UnsupportedMediaType, "Not audio"),
            ClipRefusal.TooLarge or ClipRefusal.TooLong => (StatusCodes.Status413PayloadTooLarge, "Clip too long"),
            ClipRefusal.NoSubject => (StatusCodes.Status404NotFound, "Nothing to attach to"),
            ClipRefusal.NoTeam => (StatusCodes.Status409Conflict, "No team"),
            _ => (StatusCodes.Status400BadRequest, "Consent needed"),
        };
        return StudioRequests.Problem(status, title, refused.Message);
    }

    private static OwnClipView Of(ClipRecord clip) => new(clip.ClipId, clip.TeamId, clip.Transcript, clip.Audience == ClipAudience.Team ? "team" : "managers",
        clip.Subject.Kind == ClipSubjectKind.Phrase ? "phrase" : "moment", clip.Seconds, clip.ContentType, clip.Bytes, clip.CreatedUtc,
        $"/dashboard/api/teams/{Uri.EscapeDataString(clip.TeamId)}/clips/{clip.ClipId}/audio");
}
