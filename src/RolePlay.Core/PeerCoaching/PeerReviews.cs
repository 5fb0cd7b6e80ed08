using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.GroupPractice;
using RolePlay.Core.Practice;
using RolePlay.Core.Routines;
using RolePlay.Core.Sessions;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.PeerCoaching;

/// <summary>Peer coaching with the team's checklist. A learner asks for reviews — the observers of their facilitated
/// practice, anyone in the team for a practice they share, or their buddy, each time anew — and peers who choose to
/// fill the checklist in send it to the learner alone, beside the rubric's view of the same practice. A review of a
/// practice done or shared in public is announced there by name only ("Ben gave Ana a peer checklist"), as a message
/// speaking for the reviewer, so a manager's recognition reaction on it credits the reviewer. The learner can mark a
/// review helpful and withdraw a shared practice.</summary>
public sealed class PeerReviews(
    ContentCatalog catalog,
    PracticeEngine engine,
    IPeerReviewStore reviews,
    IPeopleStore people,
    ISessionStore sessions,
    ITeamStore teams,
    IPairingStore pairing,
    ChannelPractice practice,
    IEnumerable<IProactiveSender> senders,
    TimeProvider time,
    ILogger<PeerReviews> log)
{
    /// <summary>How far back "ask buddy" looks for a finished practice past stopped ones.</summary>
    private const int Lookback = 10;

    private readonly Dictionary<Platform, IProactiveSender> _senders = senders.ToDictionary(s => s.Platform);

    public static bool Handles(string verb) =>
        verb is CardVerbs.ReviewInvite or CardVerbs.ReviewOpen or CardVerbs.ReviewSubmit or CardVerbs.ReviewHelpful or CardVerbs.ShareWithdraw;

    /// <summary>How many weeks back "reviews" shows, and at most how many.</summary>
    private const int ReviewWeeks = 8;
    private const int ReviewsShown = 5;

    public static bool IsAskBuddyCommand(string text) =>
        text.Trim().ToLowerInvariant() is "ask buddy" or "ask my buddy" or "/practice ask buddy";

    public static bool IsReviewsCommand(string text) => text.Trim().ToLowerInvariant() is "reviews" or "/practice reviews";

    public Task<RouterResult> OnCardAsync(CardSubmitted card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Verb switch
        {
            CardVerbs.ReviewInvite => InviteObserversAsync(card, ct),
            CardVerbs.ReviewOpen => OpenAsync(card, ct),
            CardVerbs.ReviewSubmit => SubmitAsync(card, ct),
            CardVerbs.ReviewHelpful => HelpfulAsync(card, ct),
            _ => WithdrawAsync(card, ct),
        };
    }

    /// <summary>The request a shared practice carries: any teammate may review it until the learner withdraws it.</summary>
    public async Task<ReviewRequest> RequestForShareAsync(PersonRecord learner, TeamRecord team, SessionRecord session,
        ConversationAddress channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(session);
        var state = SessionPersistence.Restore(engine, session).State;
        var request = NewRequest(team.TeamId, team.Checklist, learner.Key, learner.DisplayName, session.SessionId, session.ScenarioId, state,
            ReviewSource.Shared, null) with { Channel = channel };
        await reviews.SaveRequestAsync(request, ct).ConfigureAwait(false);
        return request;
    }

    /// <summary>"ask buddy" in a personal chat: the learner's buddy is invited to review their last finished practice.</summary>
    public async Task<RouterResult> AskBuddyAsync(ChannelUser from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(from);
        var key = new PersonKey(from.Platform, from.TenantId, from.UserId);
        if (await people.GetAsync(key, ct).ConfigureAwait(false) is not { TeamId: { } teamId } learner)
        {
            return RouterResult.Say("Buddies come with a team: type “team join” in your team's channel first.");
        }

        var buddies = await CurrentBuddies.OfAsync(pairing, learner, ct).ConfigureAwait(false);
        if (buddies.Count == 0)
        {
            return RouterResult.Say("You have no buddy this round. When the next pairing round pairs you, type “ask buddy” again.");
        }

        var ended = await sessions.ListEndedAsync(key, Lookback, ct).ConfigureAwait(false);
        if (ended.FirstOrDefault(s => s.Outcome is not ("stopped" or "paused")) is not { } last)
        {
            return RouterResult.Say("There's no finished practice to review yet. Type “start” for one.");
        }

        var state = SessionPersistence.Restore(engine, last).State;
        var team = await teams.GetAsync(key.Tenant, teamId, ct).ConfigureAwait(false);
        var lines = (await sessions.GetTurnsAsync(key, last.SessionId, ct).ConfigureAwait(false))
            .Where(t => t.Speaker != TurnSpeakers.Coach && t.Text.Length > 0).TakeLast(TeamSetupCards.MaxTranscriptLines)
            .Select(t => $"{(t.Speaker == TurnSpeakers.Agent ? learner.DisplayName : CustomerName(last.PersonaId))}: {t.Text}").ToList();
        var asked = new List<string>();
        foreach (var buddy in buddies)
        {
            var request = NewRequest(teamId, team?.Checklist, key, learner.DisplayName, last.SessionId, last.ScenarioId, state,
                ReviewSource.Buddy, buddy);
            await reviews.SaveRequestAsync(request, ct).ConfigureAwait(false);
            var name = (await people.GetAsync(buddy, ct).ConfigureAwait(false))?.DisplayName ?? "your buddy";
            asked.Add(await SendAsync(buddy, new CardOut(ChecklistCards.Invitation(request, lines)), "buddy review invitation", ct).ConfigureAwait(false)
                ? name
                : $"{name} (I couldn't reach them just now; they can ask you to share it instead)");
        }

        return RouterResult.Say($"Asked {string.Join(" and ", asked)} to review “{Title(last.ScenarioId)}” with the peer checklist. Only you will see what they say.");
    }

    /// <summary>"reviews" in a personal chat: the peer checklists the person received lately, newest first.</summary>
    public async Task<RouterResult> ReceivedAsync(ChannelUser from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(from);
        var key = new PersonKey(from.Platform, from.TenantId, from.UserId);
        if (await people.GetAsync(key, ct).ConfigureAwait(false) is not { TeamId: { } teamId })
        {
            return RouterResult.Say("Peer reviews come with a team: type “team join” in your team's channel first.");
        }

        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-7 * ReviewWeeks);
        var mine = (await reviews.ListSinceAsync(key.Tenant, teamId, since, ct).ConfigureAwait(false))
            .Where(r => r.Learner == key).Reverse().Take(ReviewsShown).ToList();
        if (mine.Count == 0)
        {
            return RouterResult.Say("No peer reviews yet. After a practice, “share” it with your team or type “ask buddy”.");
        }

        var replies = new List<Outgoing> { new TextOut($"Your latest peer reviews ({mine.Count}):") };
        foreach (var review in mine)
        {
            var title = (await reviews.GetRequestAsync(key.Tenant, teamId, review.RequestId, ct).ConfigureAwait(false))?.ScenarioTitle ?? "a practice";
            replies.Add(new CardOut(ChecklistCards.Received(catalog.Checklists.GetValueOrDefault(review.ChecklistId), review, title)));
        }

        return new RouterResult(replies);
    }

    /// <summary>The agent of a facilitated practice says yes to the observers' checklists.</summary>
    private async Task<RouterResult> InviteObserversAsync(CardSubmitted card, CancellationToken ct)
    {
        if (card.Values.GetValueOrDefault(Inputs.Session) is not { Length: > 0 } sessionId
            || await practice.EndedAsync(card.Conversation, sessionId, ct).ConfigureAwait(false) is not { } ended)
        {
            return RouterResult.Say("That practice is no longer here to review.");
        }

        if (card.From.UserId != ended.AgentId)
        {
            return Privately(card, $"Only {ended.NameOf(ended.AgentId)}, who played the agent, can ask for reviews of this practice.");
        }

        var tenant = new TenantScope(card.Conversation.Platform, card.Conversation.TenantId);
        var teamId = await TeamSettings.TeamIdOfAsync(teams, tenant, card.Conversation, ct).ConfigureAwait(false);
        var checklistId = (await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false))?.Checklist;
        var replies = new List<Outgoing>();
        foreach (var observer in ended.ObserverIds)
        {
            var request = NewRequest(teamId, checklistId, new PersonKey(tenant, ended.AgentId), ended.NameOf(ended.AgentId), sessionId,
                ended.Header.ScenarioId, ended.State, ReviewSource.Observer, new PersonKey(tenant, observer)) with { Channel = card.Conversation };
            await reviews.SaveRequestAsync(request, ct).ConfigureAwait(false);
            replies.Add(new CardOut(ChecklistCards.Invitation(request, []))
            {
                VisibleTo = new ChannelUser(tenant.Platform, tenant.TenantId, observer, ended.NameOf(observer)),
            });
        }

        return new RouterResult(replies, ReplaceCard: CommonCards.Acknowledged("review.ask_observers",
            $"{ended.NameOf(ended.AgentId)} asked the observers for their checklists ({replies.Count})."));
    }

    private async Task<RouterResult> OpenAsync(CardSubmitted card, CancellationToken ct)
    {
        var (request, refusal) = await RequestForAsync(card, ct).ConfigureAwait(false);
        if (request is null)
        {
            return refusal!;
        }

        if (!catalog.Checklists.TryGetValue(request.ChecklistId, out var checklist))
        {
            return Privately(card, "This practice's checklist is no longer in the team's content, so it can't be filled in.");
        }

        var form = new CardOut(ChecklistCards.Form(checklist, request));
        return new RouterResult([card.Conversation.Kind == ConversationKind.Personal ? form : form with { VisibleTo = card.From }]);
    }

    private async Task<RouterResult> SubmitAsync(CardSubmitted card, CancellationToken ct)
    {
        var (request, refusal) = await RequestForAsync(card, ct).ConfigureAwait(false);
        if (request is null)
        {
            return refusal!;
        }

        if (!catalog.Checklists.TryGetValue(request.ChecklistId, out var checklist))
        {
            return Privately(card, "This practice's checklist is no longer in the team's content, so it can't be sent.");
        }

        var read = ReviewForm.Read(checklist, card.Values);
        if (read.Answers is not { } answers)
        {
            return new RouterResult([], InputErrors: read.Errors);
        }

        var reviewer = new PersonKey(card.From.Platform, card.From.TenantId, card.From.UserId);
        var reviewerName = await NameAsync(reviewer, card.From.DisplayName, ct).ConfigureAwait(false);
        var review = new PeerReview(request.Tenant, request.TeamId, Id(request.RequestId, reviewer.UserId), request.RequestId,
            request.Learner, reviewer, reviewerName, request.Source, request.ChecklistId, answers, request.Engine, read.Landed!, read.TryNext,
            time.GetUtcNow());
        if (!await reviews.AddReviewAsync(review, ct).ConfigureAwait(false))
        {
            return new RouterResult([], ReplaceCard: CommonCards.Acknowledged("review.sent",
                $"You already sent your checklist on {request.LearnerName}'s practice. Thank you!"));
        }

        var delivered = await SendAsync(request.Learner, new CardOut(ChecklistCards.Received(checklist, review, request.ScenarioTitle)),
            "peer review", ct).ConfigureAwait(false);
        var replies = new List<Outgoing>();
        if (request.Channel is { } channel)
        {
            replies.Add(new TextOut($"{reviewerName} gave {request.LearnerName} a peer checklist on “{request.ScenarioTitle}”. Thank you for coaching!")
            {
                AuthoredBy = card.From with { DisplayName = reviewerName },
                Target = channel,
            });
        }

        var thanks = delivered
            ? $"Sent to {request.LearnerName}, and only to them. Thank you for coaching."
            : $"Saved for {request.LearnerName}, who will see it next time they type “reviews” (I couldn't reach them just now).";
        return new RouterResult(replies, ReplaceCard: CommonCards.Acknowledged("review.sent", thanks));
    }

    private async Task<RouterResult> HelpfulAsync(CardSubmitted card, CancellationToken ct)
    {
        var tenant = new TenantScope(card.From.Platform, card.From.TenantId);
        if (card.Values.GetValueOrDefault(Inputs.Team) is not { Length: > 0 } teamId
            || card.Values.GetValueOrDefault(Inputs.Review) is not { Length: > 0 } reviewId
            || !DateOnly.TryParseExact(card.Values.GetValueOrDefault(Inputs.Week), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || await reviews.GetReviewAsync(tenant, teamId, reviewId, day, ct).ConfigureAwait(false) is not { } review)
        {
            return RouterResult.Say("That review is no longer stored.");
        }

        if (review.Learner.UserId != card.From.UserId)
        {
            return Privately(card, "Only the person who was reviewed can mark a review helpful.");
        }

        if (!review.Helpful)
        {
            var now = time.GetUtcNow();
            await reviews.MarkHelpfulAsync(review, now, ct).ConfigureAwait(false);
            var learnerName = await NameAsync(review.Learner, card.From.DisplayName, ct).ConfigureAwait(false);
            await SendAsync(review.Reviewer, new TextOut($"{learnerName} found your peer checklist helpful. Thank you for coaching!"),
                "helpful mark", ct).ConfigureAwait(false);
            review = review with { HelpfulUtc = now };
        }

        var title = (await reviews.GetRequestAsync(tenant, teamId, review.RequestId, ct).ConfigureAwait(false))?.ScenarioTitle ?? "your practice";
        return new RouterResult([], ReplaceCard: ChecklistCards.Received(catalog.Checklists.GetValueOrDefault(review.ChecklistId), review, title));
    }

    private async Task<RouterResult> WithdrawAsync(CardSubmitted card, CancellationToken ct)
    {
        if (await StoredRequestAsync(card, ct).ConfigureAwait(false) is not { } request)
        {
            return RouterResult.Say("That practice is no longer shared.");
        }

        if (request.Learner.UserId != card.From.UserId)
        {
            return Privately(card, $"Only {request.LearnerName} can withdraw their practice.");
        }

        if (!request.Withdrawn)
        {
            await reviews.SaveRequestAsync(request with { Withdrawn = true }, ct).ConfigureAwait(false);
        }

        return new RouterResult([], ReplaceCard: CommonCards.Acknowledged("team.transcript",
            $"{request.LearnerName} withdrew this practice. Reviews already given stay with {request.LearnerName}."));
    }

    /// <summary>The request a card names, if the one who acted may review it; else the polite refusal.</summary>
    private async Task<(ReviewRequest? Request, RouterResult? Refusal)> RequestForAsync(CardSubmitted card, CancellationToken ct)
    {
        if (await StoredRequestAsync(card, ct).ConfigureAwait(false) is not { } request)
        {
            return (null, Privately(card, "That practice is no longer here to review."));
        }

        if (request.Withdrawn)
        {
            return (null, Privately(card, $"{request.LearnerName} withdrew this practice, so it can't be reviewed any more."));
        }

        if (request.Learner.UserId == card.From.UserId)
        {
            return (null, Privately(card, "This is your own practice: a teammate's checklist is the point. The rubric in your debrief is yours."));
        }

        if (request.Reviewer is { } asked)
        {
            return asked.UserId == card.From.UserId ? (request, null)
                : (null, Privately(card, $"{request.LearnerName} asked someone else to review this one."));
        }

        var person = await people.GetAsync(new PersonKey(card.From.Platform, card.From.TenantId, card.From.UserId), ct).ConfigureAwait(false);
        return person?.TeamId == request.TeamId ? (request, null)
            : (null, Privately(card, "Shared practices are reviewed by the team: type “team join” in the team's channel first."));
    }

    private async Task<ReviewRequest?> StoredRequestAsync(CardSubmitted card, CancellationToken ct) =>
        card.Values.GetValueOrDefault(Inputs.Team) is { Length: > 0 } teamId && card.Values.GetValueOrDefault(Inputs.Request) is { Length: > 0 } requestId
            ? await reviews.GetRequestAsync(new TenantScope(card.From.Platform, card.From.TenantId), teamId, requestId, ct).ConfigureAwait(false)
            : null;

    /// <summary>Uses the team's checklist; one removed from the content since falls back to the shipped one.</summary>
    private ReviewRequest NewRequest(string teamId, string? checklistId, PersonKey learner, string learnerName, string sessionId,
        string scenarioId, SessionState state, ReviewSource source, PersonKey? reviewer)
    {
        var checklist = catalog.Checklists.GetValueOrDefault(checklistId ?? PeerChecklist.Shipped) ?? catalog.Checklists[PeerChecklist.Shipped];
        var scenario = catalog.Scenarios.GetValueOrDefault(scenarioId);
        // One request per practice and reviewer (or per practice, for anyone): asking twice asks the same thing again.
        return new ReviewRequest(learner.Tenant, teamId, Id(sessionId, reviewer?.UserId ?? "*", WireName.Of(source)), learner, learnerName, sessionId,
            scenario?.Title ?? scenarioId, checklist.Id, source, reviewer, EngineView.Of(checklist, state, scenario), time.GetUtcNow());
    }

    /// <summary>Sends one message to a person's personal chat; false when it did not get there (the review is stored
    /// either way, so nothing is lost).</summary>
    private async Task<bool> SendAsync(PersonKey to, Outgoing message, string what, CancellationToken ct)
    {
        if (!_senders.TryGetValue(to.Tenant.Platform, out var sender))
        {
            return false;
        }

        var outcome = await sender.SendAsync(new RoutineTarget.Person(to), [message], ct).ConfigureAwait(false);
        if (outcome is ProactiveOutcome.Sent)
        {
            return true;
        }

        log.LogWarning("A {What} did not reach its recipient: {Outcome}.", what, outcome);
        return false;
    }

    private async Task<string> NameAsync(PersonKey key, string? fallback, CancellationToken ct) =>
        (await people.GetAsync(key, ct).ConfigureAwait(false))?.DisplayName is { Length: > 0 } name ? name
        : string.IsNullOrWhiteSpace(fallback) ? "A teammate" : fallback.Trim();

    /// <summary>A refusal only the one who acted sees (in a channel: privately).</summary>
    private static RouterResult Privately(CardSubmitted card, string text) =>
        new([card.Conversation.Kind == ConversationKind.Personal ? new TextOut(text) : new TextOut(text) { VisibleTo = card.From }]);

    private string Title(string scenarioId) => catalog.Scenarios.TryGetValue(scenarioId, out var s) ? s.Title : scenarioId;

    private string CustomerName(string personaId) =>
        catalog.Personas.TryGetValue(personaId, out var persona) ? persona.Name.Split(' ')[0] : "Customer";

    private static string Id(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32].ToLowerInvariant();
}
