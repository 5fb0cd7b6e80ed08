using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RolePlay.Core.Content;
using RolePlay.Core.LearningRecords;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.LearningRecords;

/// <summary>Logs the statements of a tenant that keeps learning records (<see cref="LrsOptions"/>) in the bot's store,
/// and queues them for its LRS when it names one: <see cref="LrsDelivery"/> sends them. Consent first: nothing is kept
/// about a person who has not opted in to practice.</summary>
public sealed class XapiLearningRecords(
    IOptions<LrsOptions> options,
    ContentCatalog catalog,
    IStatementOutbox outbox,
    IPeopleStore people,
    ISessionStore sessions,
    ILmsActorStore actors) : ILearningRecords
{
    public async Task PracticeStartedAsync(PersonRecord person, SessionRecord session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(session);
        if (Sending(person, StatementKind.Practice) is { } lrs)
        {
            await QueueAsync(lrs, [person.Key], x => [x.Attempted(session)], ct).ConfigureAwait(false);
        }
    }

    public async Task PracticeScoredAsync(PersonRecord person, SessionRecord session, PracticeReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(session);
        if (Sending(person, StatementKind.Practice) is { } lrs)
        {
            await QueueAsync(lrs, [person.Key], x => x.Practice(session, report), ct).ConfigureAwait(false);
        }
    }

    public async Task CommitmentMadeAsync(PersonRecord person, CommitmentRecord commitment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(commitment);
        if (Sending(person, StatementKind.Commitment) is { } lrs)
        {
            var session = await sessions.GetAsync(commitment.Person, commitment.SessionId, ct).ConfigureAwait(false);
            await QueueAsync(lrs, [person.Key], x => [x.Commitment(commitment, session?.ScenarioId)], ct).ConfigureAwait(false);
        }
    }

    public async Task CheckedInAsync(CheckInRecord checkIn, CommitmentRecord commitment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentNullException.ThrowIfNull(commitment);
        if (options.Value.For(checkIn.Person.Tenant) is not { } configured || !configured.Sends(StatementKind.CheckIn))
        {
            return;
        }

        var learner = await people.GetAsync(checkIn.Person, ct).ConfigureAwait(false);
        if (learner is not null && Sending(learner, StatementKind.CheckIn) is { } lrs)
        {
            await QueueAsync(lrs, [checkIn.Person, checkIn.By], x => [x.CheckIn(checkIn, commitment)], ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sent about the person recognised, once they opted in, naming whoever reacted unless they opted out.</summary>
    public async Task RecognizedAsync(RecognitionRecord recognition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        if (await AboutAsync(recognition.Tenant, recognition.Recipient, recognition.ReactedBy, StatementKind.Recognition, ct).ConfigureAwait(false) is { } lrs)
        {
            await QueueAsync(lrs, [recognition.Recipient, recognition.ReactedBy], x => [x.Recognition(recognition)], ct).ConfigureAwait(false);
        }
    }

    public async Task RecognitionWithdrawnAsync(RecognitionRecord recognition, DateTimeOffset atUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        if (await AboutAsync(recognition.Tenant, recognition.Recipient, recognition.ReactedBy, StatementKind.Recognition, ct).ConfigureAwait(false) is { } lrs)
        {
            await QueueAsync(lrs, [recognition.ReactedBy], x => [x.RecognitionWithdrawn(recognition, atUtc)], ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sent about the learner, once they opted in, naming the reviewer unless they opted out.</summary>
    public async Task PeerReviewedAsync(PeerReview review, ReviewRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(request);
        if (await AboutAsync(review.Tenant, review.Learner, review.Reviewer, StatementKind.PeerReview, ct).ConfigureAwait(false) is { } lrs)
        {
            await QueueAsync(lrs, [review.Learner, review.Reviewer], x => [x.PeerReview(review, request)], ct).ConfigureAwait(false);
        }
    }

    public async Task ReviewFoundHelpfulAsync(PeerReview review, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (await AboutAsync(review.Tenant, review.Learner, review.Reviewer, StatementKind.PeerReview, ct).ConfigureAwait(false) is { } lrs)
        {
            await QueueAsync(lrs, [review.Learner, review.Reviewer], x => [x.ReviewFoundHelpful(review)], ct).ConfigureAwait(false);
        }
    }

    /// <summary>The LRS for a statement about <paramref name="subject"/> that names <paramref name="other"/>: only once the
    /// subject opted in and the other did not opt out.</summary>
    private async Task<LrsTenantOptions?> AboutAsync(TenantScope tenant, PersonKey subject, PersonKey other, StatementKind kind, CancellationToken ct)
    {
        if (options.Value.For(tenant) is not { } configured || !configured.Sends(kind))
        {
            return null;
        }

        var about = await people.GetAsync(subject, ct).ConfigureAwait(false);
        var named = await people.GetAsync(other, ct).ConfigureAwait(false);
        return about is not null && named?.Consent != ConsentState.OptedOut ? Sending(about, kind) : null;
    }

    private LrsTenantOptions? Sending(PersonRecord person, StatementKind kind) =>
        person.Consent == ConsentState.OptedIn && options.Value.For(person.Key.Tenant) is { } lrs && lrs.Sends(kind) ? lrs : null;

    /// <summary>Builds the statements with the LMS actors the team mapped for the people they name, then keeps them.</summary>
    private async Task QueueAsync(LrsTenantOptions lrs, IReadOnlyList<PersonKey> named, Func<XapiStatements, IReadOnlyList<JsonObject>> build,
        CancellationToken ct)
    {
        var statements = new XapiStatements(lrs, catalog, await actors.GetAsync(named, ct).ConfigureAwait(false));
        await outbox.AddAsync(statements.Queued(named, build(statements)), send: lrs.Endpoint is not null, ct).ConfigureAwait(false);
    }
}
