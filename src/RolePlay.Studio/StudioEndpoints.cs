using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using RolePlay.Core.Content;
using RolePlay.Core.Debriefing;
using RolePlay.Core.Facilitation;
using RolePlay.Core.Practice;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Studio.Http;
using RolePlay.Studio.Transcripts;

namespace RolePlay.Studio;

/// <summary>The studio's two groups of endpoints, so the host can put a policy on each (sign-in for learners, a
/// facilitator rule for the facilitator view).</summary>
public sealed record StudioRoutes(RouteGroupBuilder Learner, RouteGroupBuilder Facilitator);

/// <summary>The browser channel: pages at <c>/</c> (practice) and <c>/facilitate</c>, JSON under <c>/studio/api</c>,
/// live updates as Server-Sent Events. Every write passes <see cref="StudioRequests"/>; everything practice-related
/// goes through <see cref="StudioChannel"/> (the router) or Core's <see cref="LiveFacilitation"/>.</summary>
public static class StudioEndpoints
{
    public const string Api = "/studio/api";
    private const int MaxLiveShown = 50;

    public static StudioRoutes MapStudio(this IEndpointRouteBuilder endpoints)
    {
        var learner = endpoints.MapGroup("").AddEndpointFilter<LoopbackOnly>();
        learner.MapGet("/", (HttpContext context, StudioAssets assets) => assets.Serve(context, "index.html"));
        learner.MapGet("/studio/assets/{**name}", (HttpContext context, string name, StudioAssets assets) => assets.Serve(context, name));
        learner.MapGet(Api + "/me", MeAsync);
        learner.MapPost(Api + "/people", CreatePersonAsync);
        learner.MapGet(Api + "/scenarios", (ContentCatalog catalog) => TypedResults.Ok(StudioScenarios.From(catalog)));
        learner.MapGet(Api + "/conversation", Conversation);
        learner.MapGet(Api + "/events", Events);
        learner.MapPost(Api + "/messages", SendAsync);
        learner.MapPost(Api + "/submit", SubmitAsync);
        learner.MapGet(Api + "/practice", PracticeAsync);
        learner.MapGet(Api + "/practices/{sessionId}/report", ReportAsync);
        // Browsers ask for it before anyone signs in; it says nothing about anyone.
        learner.MapGet("/favicon.ico", (HttpContext context, StudioAssets assets) => assets.Serve(context, "favicon.svg")).AllowAnonymous();
        learner.MapStudioSetup();
        learner.MapStudioClips();

        var facilitator = endpoints.MapGroup("").AddEndpointFilter<LoopbackOnly>();
        facilitator.MapGet("/facilitate", (HttpContext context, StudioAssets assets) => assets.Serve(context, "facilitate.html"));
        facilitator.MapGet(Api + "/facilitate/live", LiveAsync);
        facilitator.MapGet(Api + "/facilitate/cues", (ContentCatalog catalog) =>
            TypedResults.Ok(catalog.CueCards.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => new { c.Id, c.Text })));
        facilitator.MapPost(Api + "/facilitate/nudge", NudgeAsync);
        return new StudioRoutes(learner, facilitator);
    }

    private static async Task<IResult> MeAsync(HttpContext context, StudioIdentity identity, IPeopleStore people, TimeProvider time)
    {
        var user = identity.Resolve(context);
        var person = user is null ? null : await people.GetAsync(StudioChannel.KeyOf(user), context.RequestAborted);
        return TypedResults.Ok(new
        {
            known = person is not null, name = person?.DisplayName ?? user?.DisplayName, userId = person?.Key.UserId,
            signedIn = context.User.Identity?.IsAuthenticated == true,
            schedule = person is null ? null : StudioSchedule.Of(person, time.GetUtcNow()),
        });
    }

    /// <summary>One's own scored practice's debrief, laid out by the page; anyone else's is 404, as one that does not exist.</summary>
    private static async Task<IResult> ReportAsync(string sessionId, HttpContext context, StudioIdentity identity, DebriefReports reports)
    {
        if (identity.Resolve(context) is not { } user)
        {
            return NotSignedIn();
        }

        return sessionId.Length <= 64 && await reports.ReadAsync(StudioChannel.KeyOf(user), sessionId, context.RequestAborted) is { } report
            ? TypedResults.Ok(report)
            : StudioRequests.Problem(StatusCodes.Status404NotFound, "No such debrief", "That practice has no debrief of yours.");
    }

    private static async Task<IResult> PracticeAsync(HttpContext context, StudioIdentity identity, LivePractices practices) =>
        identity.Resolve(context) is { } user
            ? TypedResults.Ok(new { practice = await practices.ReadAsync(StudioChannel.KeyOf(user), context.RequestAborted) })
            : NotSignedIn();

    private static async Task<IResult> CreatePersonAsync(HttpContext context, StudioIdentity identity, IPeopleStore people, StudioChannel channel)
    {
        var (body, refusal) = await StudioRequests.ReadAsync<NewPersonRequest>(context);
        if (refusal is not null)
        {
            return refusal;
        }

        if (StudioLimits.CheckName(body!.Name) is { } problem)
        {
            return StudioRequests.Invalid(problem);
        }

        var user = identity.Resolve(context);
        if (user is null && context.User.Identity?.IsAuthenticated == true)
        {
            return NotSignedIn();
        }

        user ??= identity.IssueLocalPerson(context, body.Name.Trim());
        var key = StudioChannel.KeyOf(user);
        var person = await people.GetAsync(key, context.RequestAborted);
        if (person is not null)
        {
            return TypedResults.Ok(new { name = person.DisplayName, entries = Array.Empty<StudioEntry>() });
        }

        var named = user with { DisplayName = user.DisplayName ?? body.Name.Trim() };
        person = await people.SaveAsync(PersonSettings.NewPerson(named), context.RequestAborted);
        var turn = await channel.WelcomeAsync(named, context.RequestAborted);
        return TypedResults.Ok(new { name = person.DisplayName, entries = turn.Entries });
    }

    private static IResult Conversation(HttpContext context, StudioIdentity identity, StudioTranscripts transcripts) =>
        identity.Resolve(context) is { } user
            ? TypedResults.Ok(new { epoch = transcripts.Epoch, entries = transcripts.For(StudioChannel.KeyOf(user)).Snapshot() })
            : NotSignedIn();

    private static IResult Events(HttpContext context, StudioIdentity identity, StudioTranscripts transcripts, IHostApplicationLifetime lifetime)
    {
        if (identity.Resolve(context) is not { } user)
        {
            return NotSignedIn();
        }

        // EventSource sends Last-Event-ID when it reconnects: only what changed since then is sent again.
        var after = long.TryParse(context.Request.Headers["Last-Event-ID"], out var last) ? last
            : long.TryParse(context.Request.Query["after"], out var asked) ? asked : 0;
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.ServerSentEvents(Stream(transcripts.For(StudioChannel.KeyOf(user)), transcripts.Epoch, after,
            lifetime.ApplicationStopping));
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(StudioConversation conversation, string epoch, long after,
        CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping, ct);
        var (backlog, listener) = conversation.Listen(after);
        using (listener)
        {
            // First a "ready" event, so the page knows it is live (and whether the bot restarted) before anything else.
            yield return new SseItem<string>(JsonSerializer.Serialize(new { epoch }), "ready") { ReconnectionInterval = TimeSpan.FromSeconds(2) };
            foreach (var entry in backlog)
            {
                yield return Item(entry);
            }

            while (await WaitAsync(listener, done.Token).ConfigureAwait(false))
            {
                while (listener.Reader.TryRead(out var entry))
                {
                    yield return Item(entry);
                }
            }
        }
    }

    private static async Task<bool> WaitAsync(StudioConversation.Listener listener, CancellationToken ct)
    {
        try
        {
            return await listener.Reader.WaitToReadAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static SseItem<string> Item(StudioEntry entry) =>
        new(JsonSerializer.Serialize(entry, StudioRequests.Json), "entry") { EventId = entry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static async Task<IResult> SendAsync(HttpContext context, StudioIdentity identity, StudioChannel channel)
    {
        var (body, refusal) = await StudioRequests.ReadAsync<MessageRequest>(context);
        if (refusal is not null)
        {
            return refusal;
        }

        if (identity.Resolve(context) is not { } user)
        {
            return NotSignedIn();
        }

        if (StudioLimits.CheckMessage(body!.Text) is { } problem)
        {
            return StudioRequests.Invalid(problem);
        }

        return await RunAsync(() => channel.MessageAsync(user, body.Text.Trim(), context.RequestAborted));
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, StudioIdentity identity, StudioChannel channel)
    {
        var (body, refusal) = await StudioRequests.ReadAsync<SubmitRequest>(context);
        if (refusal is not null)
        {
            return refusal;
        }

        if (identity.Resolve(context) is not { } user)
        {
            return NotSignedIn();
        }

        if (StudioLimits.CheckSubmit(body!) is { } problem)
        {
            return StudioRequests.Invalid(problem);
        }

        var values = body!.Values ?? [];
        return await RunAsync(() => channel.SubmitAsync(user, body!.Verb, values, body!.CardSeq, context.RequestAborted));
    }

    private static async Task<IResult> RunAsync(Func<Task<StudioTurn>> turn)
    {
        try
        {
            var result = await turn();
            return TypedResults.Ok(new { entries = result.Entries, inputErrors = result.InputErrors, practice = result.Practice });
        }
        catch (ConcurrencyConflictException)
        {
            return StudioRequests.Problem(StatusCodes.Status409Conflict, "Two messages crossed",
                "Another message of yours reached the practice at the same moment. Send yours again.");
        }
    }

    private static async Task<IResult> LiveAsync(HttpContext context, StudioIdentity identity, IPeopleStore people, StudioTranscripts transcripts,
        LiveFacilitation facilitation)
    {
        // Only people whose studio page this host has seen, of the facilitator's own tenant and team.
        if (await FacilitatorScopeAsync(context, identity, people) is not { } scope)
        {
            return NotSignedIn();
        }

        var live = new List<object>();
        foreach (var conversation in transcripts.Of(scope.Tenant).Take(MaxLiveShown))
        {
            if (await facilitation.DescribeAsync(scope, conversation.Person, context.RequestAborted) is { } view)
            {
                live.Add(new
                {
                    learner = view.Learner.UserId, name = view.LearnerName, scenario = view.ScenarioTitle,
                    customer = view.CustomerName, turn = view.Turn, paused = view.Paused,
                });
            }
        }

        return TypedResults.Ok(live);
    }

    private static async Task<IResult> NudgeAsync(HttpContext context, StudioIdentity identity, IPeopleStore people, LiveFacilitation facilitation,
        StudioChannel channel, StudioDelivery delivery)
    {
        var (body, refusal) = await StudioRequests.ReadAsync<NudgeRequest>(context);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await FacilitatorScopeAsync(context, identity, people) is not { } scope)
        {
            return NotSignedIn();
        }

        var text = body!.Text.Trim();
        if (text.Length is 0 or > StudioLimits.MaxNudgeLength)
        {
            return StudioRequests.Invalid($"Write the nudge (1 to {StudioLimits.MaxNudgeLength} characters).");
        }

        FacilitatorAction? action = body.Kind switch
        {
            "cue" => new InjectCue(text),
            "outage" => new StartOutage(text),
            "goal" => new SwapGoal(text),
            _ => null,
        };
        if (action is null || body.Learner.Length is 0 or > 200)
        {
            return StudioRequests.Invalid(action is null ? "“kind” must be cue, outage or goal." : "Name the learner by their id.");
        }

        var learner = new PersonKey(scope.Tenant, body.Learner);
        // The nudge reaches the learner's page in order with their own messages.
        var (outcome, delivered) = await channel.InTurnAsync(learner, async () =>
        {
            var result = await facilitation.ApplyAsync(scope, learner, action, context.RequestAborted);
            return (result, result is FacilitationOutcome.Applied applied ? delivery.Deliver(learner, applied.ForLearner).Count : 0);
        }, context.RequestAborted);
        return outcome switch
        {
            FacilitationOutcome.Applied => TypedResults.Ok(new { delivered }),
            FacilitationOutcome.Refused refused => StudioRequests.Problem(StatusCodes.Status409Conflict, "The scene did not take the nudge", refused.Reason),
            _ => StudioRequests.Problem(StatusCodes.Status409Conflict, "No live practice", "That person has no practice going right now."),
        };
    }

    /// <summary>Signed in (deployed, where the policy admits managers only): the manager's own team of their tenant; a
    /// manager of no team sees nobody. Local mode: the studio's local people, all of them.</summary>
    private static async Task<FacilitatorScope?> FacilitatorScopeAsync(HttpContext context, StudioIdentity identity, IPeopleStore people)
    {
        if (identity.FacilitatorTenant(context) is not { } tenant)
        {
            return null;
        }

        if (identity.Resolve(context) is not { } user || context.User.Identity?.IsAuthenticated != true)
        {
            return new FacilitatorScope(tenant, TeamId: null);
        }

        return await people.GetAsync(StudioChannel.KeyOf(user), context.RequestAborted) is { TeamId: { } team }
            ? new FacilitatorScope(tenant, team)
            : null;
    }

    internal static IResult NotSignedIn() => StudioRequests.Problem(StatusCodes.Status401Unauthorized, "Who are you?",
        "Tell the studio your name first (local mode), or sign in.");
}
