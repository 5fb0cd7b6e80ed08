using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RolePlay.Core.Insights;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Dashboard;

/// <summary>The team dashboard: three static files and a JSON API under <c>/dashboard</c>. Every handler resolves the
/// caller (<see cref="Viewers"/>) and asks <see cref="TeamDashboard"/>, which applies the access rules; anything not
/// theirs is 404, the same answer as something that does not exist, so nothing leaks. Who may reach the group at all
/// is the host's decision (<c>RequireAuthorization</c> on the returned group).</summary>
public static class DashboardEndpoints
{
    /// <summary>A KPI file larger than this is refused before it is read (20,000 lines fit easily).</summary>
    public const int MaxKpiBytes = 1024 * 1024;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["clips.js"] = "text/javascript; charset=utf-8",
    };

    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard");
        group.MapGet("/", () => Asset("index.html"));
        group.MapGet("/assets/{name}", (string name) => Asset(name));
        group.MapGet("/api/viewer", ViewerAsync);
        group.MapGet("/api/teams/{teamId}", TeamAsync);
        group.MapGet("/api/teams/{teamId}/people", TeamPeopleAsync);
        group.MapGet("/api/teams/{teamId}/roster", RosterAsync);
        group.MapPut("/api/teams/{teamId}/members/{userId}/new-hire", SetNewHireAsync);
        group.MapGet("/api/teams/{teamId}/kpis", KpisAsync);
        group.MapPost("/api/teams/{teamId}/kpis", ImportKpisAsync);
        group.MapGet("/api/people/{userId}", PersonAsync);
        group.MapGet("/api/teams/{teamId}/learning-records", LearningRecordsAsync);
        group.MapGet("/api/teams/{teamId}/peer-coaching", PeerCoachingAsync);
        group.MapClips();
        return group;
    }

    /// <summary>The services each handler needs, in one bundle (registered by <c>AddDashboard</c>).</summary>
    public sealed class DashboardServices(TeamDashboard dashboard, IPeopleStore people, ITeamStore teams, TeamSettings settings,
        DashboardHosting hosting, IStatementOutbox statements, PeerCoachingDashboard peerCoaching)
    {
        public PeerCoachingDashboard PeerCoaching { get; } = peerCoaching;

        public IStatementOutbox Statements { get; } = statements;

        public TeamDashboard Dashboard { get; } = dashboard;

        public TeamSettings Settings { get; } = settings;

        public IPeopleStore People { get; } = people;

        public ITeamStore Teams { get; } = teams;

        public DashboardHosting Hosting { get; } = hosting;

        public Task<DashboardViewer?> ViewerAsync(HttpContext context) =>
            Viewers.ResolveAsync(context.User, Hosting, People, context.RequestAborted);
    }

    private static async Task<Results<Ok<ViewerView>, UnauthorizedHttpResult>> ViewerAsync(HttpContext context, DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        var teams = await s.Dashboard.ListTeamsAsync(viewer, context.RequestAborted);
        return TypedResults.Ok(new ViewerView(viewer.DisplayName ?? "", viewer.UserId, viewer.IsManager, viewer.IsLocal, teams, viewer.TeamId));
    }

    private static async Task<Results<Ok<TeamDashboardView>, NotFound, UnauthorizedHttpResult>> TeamAsync(string teamId, HttpContext context,
        DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        return await s.Dashboard.TeamAsync(viewer, teamId, context.RequestAborted) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
    }

    /// <summary>Peer reviews given per week and how often peers and the rubric agree, as counts (never by person).</summary>
    private static async Task<Results<Ok<PeerCoachingView>, NotFound, UnauthorizedHttpResult>> PeerCoachingAsync(string teamId,
        HttpContext context, DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        return await s.PeerCoaching.TeamAsync(viewer, teamId, context.RequestAborted) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
    }

    /// <summary>Local mode only: the people of a team by name (alphabetical, never by score), to open one person's own
    /// trend. A signed-in person opens only their own.</summary>
    private static async Task<Results<Ok<IReadOnlyList<PersonLink>>, NotFound, UnauthorizedHttpResult>> TeamPeopleAsync(string teamId,
        HttpContext context, DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        if (!viewer.IsLocal || !viewer.CanSeeTeam(teamId))
        {
            return TypedResults.NotFound();
        }

        var members = await s.Teams.ListMembersAsync(viewer.Tenant, teamId, context.RequestAborted);
        var people = await Task.WhenAll(members.Select(m => s.People.GetAsync(m.Person, context.RequestAborted)));
        var links = members.Zip(people, (m, p) => new PersonLink(m.Person.UserId, p?.DisplayName ?? m.Person.UserId));
        return TypedResults.Ok<IReadOnlyList<PersonLink>>(links.OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ToArray());
    }

    /// <summary>The team page's member list for its managers: who is on the team and who is marked a new hire (buddy
    /// pairing puts a new hire with a seasoned colleague), by name.</summary>
    private static async Task<Results<Ok<IReadOnlyList<RosterEntry>>, NotFound, UnauthorizedHttpResult>> RosterAsync(string teamId,
        HttpContext context, DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        if (!viewer.CanSeeTeam(teamId) || await s.Teams.GetAsync(viewer.Tenant, teamId, context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var members = await s.Teams.ListMembersAsync(viewer.Tenant, teamId, context.RequestAborted);
        var people = await Task.WhenAll(members.Select(m => s.People.GetAsync(m.Person, context.RequestAborted)));
        var roster = members.Zip(people, (m, p) => new RosterEntry(m.Person.UserId, p?.DisplayName ?? m.Person.UserId, p?.IsNewHire == true));
        return TypedResults.Ok<IReadOnlyList<RosterEntry>>(roster.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToArray());
    }

    /// <summary>For the team's managers: how many of its members' xAPI statements wait for the LRS, and those the LRS
    /// refused for good (parked, with its reason), so someone can fix what it refused.</summary>
    private static async Task<Results<Ok<LearningRecordsView>, NotFound, UnauthorizedHttpResult>> LearningRecordsAsync(string teamId,
        HttpContext context, DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        if (!viewer.CanSeeTeam(teamId) || await s.Teams.GetAsync(viewer.Tenant, teamId, context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var ct = context.RequestAborted;
        var members = (await s.Teams.ListMembersAsync(viewer.Tenant, teamId, ct)).Select(m => m.Person).ToHashSet();
        bool Ours(QueuedStatement statement) => statement.People.Count > 0 && members.Contains(statement.People[0]);
        var waiting = (await s.Statements.ListWaitingAsync(viewer.Tenant, LearningRecordsView.MaxCounted, ct)).Count(Ours);
        var parked = new List<ParkedStatementView>();
        foreach (var statement in (await s.Statements.ListParkedAsync(viewer.Tenant, ct)).Where(Ours))
        {
            var about = await s.People.GetAsync(statement.People[0], ct);
            parked.Add(new ParkedStatementView(statement.StatementId, ParkedStatementView.VerbOf(statement.Json), about?.DisplayName ?? statement.People[0].UserId,
                statement.AtUtc, statement.Parked ?? ""));
        }

        return TypedResults.Ok(new LearningRecordsView(waiting, parked));
    }

    /// <summary>A manager marks a member as a new hire (<c>{"newHire":true}</c>) or as seasoned. The body must be JSON:
    /// a cross-site form cannot send that type, so the signed-in cookie cannot be used on someone's behalf.</summary>
    private static async Task<IResult> SetNewHireAsync(string teamId, string userId, HttpContext context, DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        if (!viewer.CanSeeTeam(teamId))
        {
            return TypedResults.NotFound();
        }

        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem("Send {\"newHire\": true|false} as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        NewHireRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<NewHireRequest>(context.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request?.NewHire is not { } newHire)
        {
            return TypedResults.Problem("The body must be {\"newHire\": true} or {\"newHire\": false}.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await s.Settings.SetNewHireAsync(new PersonKey(viewer.Tenant, userId), teamId, newHire, context.RequestAborted) switch
        {
            NewHireChange.Saved saved => TypedResults.Ok(new RosterEntry(userId, saved.Name, newHire)),
            NewHireChange.Conflict => TypedResults.Problem("Their settings changed at the same moment; try again.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<PersonDashboardView>, NotFound, UnauthorizedHttpResult>> PersonAsync(string userId,
        HttpContext context, DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        return await s.Dashboard.PersonAsync(viewer, userId, context.RequestAborted) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<KpiView>, NotFound, UnauthorizedHttpResult>> KpisAsync(string teamId, HttpContext context,
        DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        return await s.Dashboard.KpiAsync(viewer, teamId, context.RequestAborted) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
    }

    /// <summary>The body is the CSV itself (<c>Content-Type: text/csv</c>). A cross-site form cannot send that type, so
    /// the signed-in cookie cannot be used to import on someone's behalf.</summary>
    private static async Task<IResult> ImportKpisAsync(string teamId, HttpContext context, DashboardServices s)
    {
        if (await s.ViewerAsync(context) is not { } viewer)
        {
            return TypedResults.Unauthorized();
        }

        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("Send the file as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (context.Request.ContentLength > MaxKpiBytes)
        {
            return TooLarge();
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxKpiBytes)
            {
                return TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        string csv;
        try
        {
            csv = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return TypedResults.BadRequest(new KpiImportResult(0, ["The file is not UTF-8 text."]));
        }

        return await s.Dashboard.ImportKpisAsync(viewer, teamId, csv, context.RequestAborted) switch
        {
            null => TypedResults.NotFound(),
            { Errors.Count: > 0 } refused => TypedResults.BadRequest(refused),
            var stored => TypedResults.Ok(stored),
        };
    }

    private static IResult TooLarge() => TypedResults.Json(
        new KpiImportResult(0, [$"The file is larger than {MaxKpiBytes / 1024} KiB; split it into several imports."]),
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult Asset(string name)
    {
        if (!ContentTypes.TryGetValue(name, out var contentType)
            || Assembly.GetExecutingAssembly().GetManifestResourceStream("dashboard/" + name) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Stream(stream, contentType);
    }
}

/// <param name="TeamId">The viewer's own team (whose shared clips their own page plays), if any.</param>
public sealed record ViewerView(string DisplayName, string? UserId, bool IsManager, bool IsLocal, IReadOnlyList<TeamSummary> Teams, string? TeamId = null);

public sealed record PersonLink(string UserId, string Name);

public sealed record RosterEntry(string UserId, string Name, bool IsNewHire);

public sealed record NewHireRequest(bool? NewHire);

/// <summary><see cref="Waiting"/> is counted among the tenant's oldest <see cref="MaxCounted"/> waiting statements.</summary>
public sealed record LearningRecordsView(int Waiting, IReadOnlyList<ParkedStatementView> Parked)
{
    public const int MaxCounted = 1000;
}

/// <summary>A statement the LRS refused: what it recorded (its verb's last word), about whom, when, and the LRS's reason.</summary>
public sealed record ParkedStatementView(string StatementId, string Verb, string About, DateTimeOffset AtUtc, string Reason)
{
    public static string VerbOf(string json)
    {
        try
        {
            var id = JsonDocument.Parse(json).RootElement.GetProperty("verb").GetProperty("id").GetString() ?? "";
            return id[(id.LastIndexOf('/') + 1)..];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "unreadable"; // the LRS refused it for this very reason, most likely
        }
    }
}
