using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RolePlay.Core.Content;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Insights;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Core;
using RolePlay.Core.TeamSetup;
using RolePlay.Core.Voice;
using RolePlay.Studio.Http;
using RolePlay.Studio.Transcripts;

namespace RolePlay.Studio;

/// <summary>A team's page and one's own practice time, so a team with neither Teams nor Slack sets itself up in the
/// studio: create a team (its founder is its manager), invite teammates with a link or code, join or leave, and choose
/// when a practice waits. Every change goes through Core's <see cref="TeamSettings"/> and <see cref="PersonSettings"/>,
/// as the channels' commands do.</summary>
public static class StudioSetupEndpoints
{
    /// <summary>What the team page shows. <see cref="Invite"/> is for managers only: they let people in.
    /// <see cref="Connectable"/>: the people are Teams or Slack identities (signed in), so a channel there can take the
    /// team (<c>team connect</c>); local studio people have no such channel.</summary>
    public sealed record TeamView(string TeamId, string Name, string TimeZone, IReadOnlyList<string> Values, bool IsManager, int Members,
        int MinMembers, string? Invite, bool Connectable, VoiceView Voice, CuesView Cues);

    /// <summary>The team's cue strips: the language they print in, the languages a manager may choose, this week's cue
    /// (null when nobody picked one) in that language, and where the team's sheet is.</summary>
    public sealed record CuesView(string Language, IReadOnlyList<LanguageView> Languages, CueWeekView? Week, string Sheet);

    public sealed record LanguageView(string Code, string Name);

    public sealed record CueWeekView(string Id, string Text, string Language);

    /// <summary>Whose words the customer speaks: <see cref="Kind"/> "rule" or "model", <see cref="Said"/> in a few words,
    /// what a model is sent (<see cref="Privacy"/>), and for a manager's choice what this deployment offers: its shared
    /// endpoint, teams' own.</summary>
    public sealed record VoiceView(string Kind, string? Endpoint, string Said, bool Offered, bool Shared, IReadOnlyList<string> Endpoints)
    {
        public string Privacy => TeamSetupCards.VoicePrivacy;
    }

    /// <summary>An invite as the person opening it sees it before joining.</summary>
    public sealed record InviteView(string TeamName, int Members, bool AlreadyMember);

    public static void MapStudioSetup(this RouteGroupBuilder learner)
    {
        learner.MapGet(StudioEndpoints.Api + "/team", GetTeamAsync);
        learner.MapPost(StudioEndpoints.Api + "/team", CreateTeamAsync);
        learner.MapPut(StudioEndpoints.Api + "/team", ChangeTeamAsync);
        learner.MapPut(StudioEndpoints.Api + "/team/voice", ChooseVoiceAsync);
        learner.MapPut(StudioEndpoints.Api + "/team/cues", ChooseCueLanguageAsync);
        learner.MapPost(StudioEndpoints.Api + "/team/leave", LeaveAsync);
        learner.MapPost(StudioEndpoints.Api + "/invites/look", LookAsync);
        learner.MapPost(StudioEndpoints.Api + "/invites/accept", JoinAsync);
        learner.MapPut(StudioEndpoints.Api + "/me/schedule", ScheduleAsync);
    }

    /// <summary>The services the handlers share, in one bundle.</summary>
    public sealed class SetupServices(StudioIdentity identity, IPeopleStore people, ITeamStore teams, TeamSettings settings, TeamInvites invites,
        ModelVoiceEndpoints voices, DashboardOptions dashboard, CueOfTheWeek cueOfTheWeek, ContentCatalog catalog, TimeProvider time)
    {
        public IPeopleStore People { get; } = people;

        public ITeamStore Teams { get; } = teams;

        public TeamSettings Settings { get; } = settings;

        public TeamInvites Invites { get; } = invites;

        public TimeProvider Time { get; } = time;

        /// <summary>The caller as stored; null before they gave a name (or signed in and were welcomed).</summary>
        public async Task<PersonRecord?> PersonAsync(HttpContext context) =>
            identity.Resolve(context) is { } user ? await People.GetAsync(StudioChannel.KeyOf(user), context.RequestAborted) : null;

        public async Task<TeamView?> ViewAsync(PersonRecord person, CancellationToken ct)
        {
            if (person.TeamId is not { } teamId || await Teams.GetAsync(person.Key.Tenant, teamId, ct) is not { } team)
            {
                return null;
            }

            var members = (await Teams.ListMembersAsync(person.Key.Tenant, teamId, ct)).Count;
            var manager = TeamSettings.IsManagerOf(person, teamId);
            var voice = new VoiceView(WireName.Of(team.Voice), team.VoiceEndpoint, TeamSetupCards.VoiceName(team), voices.Offered, voices.HasShared,
                voices.OwnNames.ToList());
            return new TeamView(teamId, team.Name, team.TimeZone, team.ServiceValues, manager, members, dashboard.MinTeamSize,
                manager ? Invites.Issue(person.Key.Tenant, teamId) : null, person.Key.Tenant.Platform != StudioDelivery.Platform, voice,
                await CuesAsync(team, ct));
        }

        private async Task<CuesView> CuesAsync(TeamRecord team, CancellationToken ct)
        {
            var language = team.CueLanguage ?? CueCard.OwnLanguage;
            var week = await cueOfTheWeek.CurrentAsync(team, ct) is { } cue ? new CueWeekView(cue.Id, cue.TextIn(language), language) : null;
            var languages = CueStripSheet.Languages(catalog).Select(code => new LanguageView(code, CueStripSheet.LanguageName(code))).ToList();
            return new CuesView(language, languages, week, CueSheetPath.Of(team.TeamId));
        }
    }

    /// <summary>A write's body and its caller, or the refusal to answer with.</summary>
    private sealed record SetupWrite<T>(T? Body, PersonRecord? Person, IResult? Refusal)
    {
        [MemberNotNullWhen(true, nameof(Refusal))]
        [MemberNotNullWhen(false, nameof(Body), nameof(Person))]
        public bool Refused => Refusal is not null;
    }

    /// <summary>Reads a write: a bad request is refused first, then a caller nobody knows.</summary>
    private static async Task<SetupWrite<T>> ReadAsync<T>(HttpContext context, SetupServices s)
        where T : class
    {
        var (body, refusal) = await StudioRequests.ReadAsync<T>(context);
        if (refusal is not null)
        {
            return new SetupWrite<T>(null, null, refusal);
        }

        return await s.PersonAsync(context) is { } person
            ? new SetupWrite<T>(body, person, null)
            : new SetupWrite<T>(null, null, StudioEndpoints.NotSignedIn());
    }

    /// <summary>A team form and its caller, or the refusal: the request's, then the form's own.</summary>
    private static async Task<SetupWrite<TeamForm>> ReadTeamAsync(HttpContext context, SetupServices s)
    {
        var write = await ReadAsync<TeamRequest>(context, s);
        if (write.Refused)
        {
            return new SetupWrite<TeamForm>(null, null, write.Refusal);
        }

        var (form, problem) = TeamForm.Read(write.Body);
        return form is null ? new SetupWrite<TeamForm>(null, null, StudioRequests.Invalid(problem!)) : new SetupWrite<TeamForm>(form, write.Person, null);
    }

    private static async Task<IResult> GetTeamAsync(HttpContext context, SetupServices s) =>
        await s.PersonAsync(context) is { } person
            ? TypedResults.Ok(new { team = await s.ViewAsync(person, context.RequestAborted) })
            : StudioEndpoints.NotSignedIn();

    private static async Task<IResult> CreateTeamAsync(HttpContext context, SetupServices s)
    {
        var write = await ReadTeamAsync(context, s);
        if (write.Refused)
        {
            return write.Refusal;
        }

        var (form, person) = (write.Body, write.Person);
        var ct = context.RequestAborted;
        var team = await s.Settings.CreateAsync(person, form.Name, form.TimeZone, form.Values, ct);
        var founder = await s.People.GetAsync(person.Key, ct) ?? person;
        return TypedResults.Ok(new { team = await s.ViewAsync(founder with { TeamId = team.TeamId }, ct) });
    }

    private static async Task<IResult> ChangeTeamAsync(HttpContext context, SetupServices s)
    {
        var write = await ReadTeamAsync(context, s);
        if (write.Refused)
        {
            return write.Refusal;
        }

        var (form, person) = (write.Body, write.Person);
        try
        {
            return await s.Settings.ChangeAsync(person, form.Name, form.TimeZone, form.Values, context.RequestAborted) is null
                ? StudioRequests.Problem(StatusCodes.Status403Forbidden, "Only managers change the team", "Ask your team's manager to change it.")
                : TypedResults.Ok(new { team = await s.ViewAsync(person, context.RequestAborted) });
        }
        catch (ConcurrencyConflictException)
        {
            return StudioRequests.Problem(StatusCodes.Status409Conflict, "Changed at the same moment",
                "Someone changed the team at the same moment. Reload the page and try again.");
        }
    }

    private static async Task<IResult> ChooseVoiceAsync(HttpContext context, SetupServices s)
    {
        var write = await ReadAsync<VoiceRequest>(context, s);
        if (write.Refused)
        {
            return write.Refusal;
        }

        var (body, person) = (write.Body, write.Person);
        if (!WireName.TryParse<VoiceKind>(body.Voice, out var kind) || (body.Endpoint is { } named && !TeamEndpointName.IsValid(named)))
        {
            return StudioRequests.Invalid("Choose “rule” or “model” (and, for a team's own endpoint, its name).");
        }

        return await ManagersChoiceAsync(context, s, person, "Only managers choose the voice",
            () => s.Settings.ChooseVoiceAsync(person, kind, kind == VoiceKind.Model ? body.Endpoint : null, context.RequestAborted));
    }

    private static async Task<IResult> ChooseCueLanguageAsync(HttpContext context, SetupServices s)
    {
        var write = await ReadAsync<CueLanguageRequest>(context, s);
        if (write.Refused)
        {
            return write.Refusal;
        }

        var (body, person) = (write.Body, write.Person);
        return await ManagersChoiceAsync(context, s, person, "Only managers choose the cue language",
            () => s.Settings.SetCueLanguageAsync(person, body.Language ?? "", context.RequestAborted));
    }

    /// <summary>A team setting only its manager chooses: <paramref name="choose"/> answers null for anyone else (403),
    /// no team for a choice refused with its reason (400), else the team view.</summary>
    private static async Task<IResult> ManagersChoiceAsync(HttpContext context, SetupServices s, PersonRecord person, string forbidden,
        Func<Task<(TeamRecord? Team, string Message)?>> choose)
    {
        try
        {
            return await choose() switch
            {
                null => StudioRequests.Problem(StatusCodes.Status403Forbidden, forbidden, "Ask your team's manager to change it."),
                ({ }, _) => TypedResults.Ok(new { team = await s.ViewAsync(person, context.RequestAborted) }),
                (null, var refused) => StudioRequests.Invalid(refused),
            };
        }
        catch (ConcurrencyConflictException)
        {
            return StudioRequests.Problem(StatusCodes.Status409Conflict, "Changed at the same moment",
                "Someone changed the team at the same moment. Reload the page and try again.");
        }
    }

    private static async Task<IResult> LeaveAsync(HttpContext context, SetupServices s)
    {
        if (StudioRequests.CheckOrigin(context) is { } refused)
        {
            return refused;
        }

        if (await s.PersonAsync(context) is not { } person)
        {
            return StudioEndpoints.NotSignedIn();
        }

        if (person.TeamId is { } teamId)
        {
            await s.Settings.RemoveMemberAsync(person, person.Key.Tenant, teamId, context.RequestAborted);
        }

        return TypedResults.Ok(new { team = (TeamView?)null });
    }

    /// <summary>What an invite names, read before joining. Posted, not a GET with the code in the URL, so the code stays
    /// out of logs.</summary>
    private static async Task<IResult> LookAsync(HttpContext context, SetupServices s)
    {
        var write = await ReadAsync<JoinRequest>(context, s);
        if (write.Refused)
        {
            return write.Refusal;
        }

        var (body, person) = (write.Body, write.Person);

        if (await InvitedTeamAsync(s, person, body.Invite, context.RequestAborted) is not { } team)
        {
            return InviteRefused();
        }

        var members = await s.Teams.ListMembersAsync(team.Tenant, team.TeamId, context.RequestAborted);
        return TypedResults.Ok(new InviteView(team.Name, members.Count, person.TeamId == team.TeamId));
    }

    private static async Task<IResult> JoinAsync(HttpContext context, SetupServices s)
    {
        var write = await ReadAsync<JoinRequest>(context, s);
        if (write.Refused)
        {
            return write.Refusal;
        }

        var (body, person) = (write.Body, write.Person);

        if (await InvitedTeamAsync(s, person, body.Invite, context.RequestAborted) is not { } team)
        {
            return InviteRefused();
        }

        var member = await s.Settings.AddMemberAsync(person, team.Tenant, team.TeamId, context.RequestAborted);
        return TypedResults.Ok(new { team = await s.ViewAsync(member, context.RequestAborted) });
    }

    /// <summary>The team an invite names, only within the caller's own tenant and only while the team exists.</summary>
    private static async Task<TeamRecord?> InvitedTeamAsync(SetupServices s, PersonRecord person, string? invite, CancellationToken ct) =>
        invite is { Length: > 0 and <= 2000 } && s.Invites.Read(invite) is { } named && named.Tenant == person.Key.Tenant
            ? await s.Teams.GetAsync(named.Tenant, named.TeamId, ct)
            : null;

    private static IResult InviteRefused() => StudioRequests.Problem(StatusCodes.Status404NotFound, "That invite does not work",
        $"The invite is not one of this studio's, or it is older than {TeamInvites.Lifetime.Days} days. Ask your manager for a fresh link.");

    private static async Task<IResult> ScheduleAsync(HttpContext context, SetupServices s)
    {
        var write = await ReadAsync<ScheduleRequest>(context, s);
        if (write.Refused)
        {
            return write.Refusal;
        }

        var (body, person) = (write.Body, write.Person);

        var now = s.Time.GetUtcNow();
        PersonRecord updated;
        if (!body.On)
        {
            updated = PersonSettings.OptOut(person, now);
        }
        else
        {
            if (body.Time is null || !ClockWords.TryParseClock(body.Time, out var time))
            {
                return StudioRequests.Invalid("Give the time as HH:MM, such as 09:30.");
            }

            if (TimeZoneNames.Find(body.TimeZone) is not { } zone)
            {
                return StudioRequests.Invalid("Choose your time zone, such as Europe/London.");
            }

            if (ClockWords.ParseDays([string.Join(',', body.Days ?? [])]) is not { Count: > 0 } days)
            {
                return StudioRequests.Invalid("Choose at least one day.");
            }

            // Choosing a practice time is the opt-in: the form is the studio's consent card.
            var consented = person.Consent == ConsentState.OptedIn ? person : PersonSettings.OptIn(person, now);
            updated = PersonSettings.WithPromptTime(PersonSettings.WithDays(PersonSettings.WithTimeZone(consented, zone, now), days, now), time, now);
        }

        try
        {
            var saved = await s.People.SaveAsync(updated, context.RequestAborted);
            return TypedResults.Ok(new { schedule = StudioSchedule.Of(saved, now) });
        }
        catch (ConcurrencyConflictException)
        {
            return StudioRequests.Problem(StatusCodes.Status409Conflict, "Changed at the same moment",
                "Your settings changed at the same moment (another tab?). Reload and try again.");
        }
    }
}
