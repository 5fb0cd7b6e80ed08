using RolePlay.Core.Storage;
using RolePlay.Storage.Rows;

namespace RolePlay.Storage.Repositories;

/// <summary>One partition per team: <c>request|{id}</c> rows, and <c>review|{monday}|{id}</c> rows so a week (or the
/// weeks since a day) is one range read. Every row is listed as a mention of the people it names before it is written,
/// so export and "forget me" reach it.</summary>
internal sealed class PeerReviewStore(IRowStore rows) : IPeerReviewStore
{
    private const string RequestPrefix = "request|";
    private const string ReviewPrefix = "review|";

    public async Task SaveRequestAsync(ReviewRequest request, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RequestId);
        Require(request.Tenant, request.RequestId, request.Learner, request.Reviewer);
        var pk = Partition(request.Tenant, request.TeamId);
        var row = RequestPrefix + RowKeys.Part(request.RequestId);
        await Mentions.RecordAsync(rows, Named(request.Learner, request.Reviewer), new Mention(Tables.PeerReviews, pk, row), ct).ConfigureAwait(false);
        await rows.SubmitAsync(Tables.PeerReviews, pk, [RowOp.Upsert(row, StorageJson.Write(request))], ct).ConfigureAwait(false);
    }

    public async Task<ReviewRequest?> GetRequestAsync(TenantScope tenant, string teamId, string requestId, CancellationToken ct)
    {
        var found = await rows.GetAsync(Tables.PeerReviews, Partition(tenant, teamId), RequestPrefix + RowKeys.Part(requestId), ct).ConfigureAwait(false);
        return found is null ? null : StorageJson.Read<ReviewRequest>(found);
    }

    public async Task<bool> AddReviewAsync(PeerReview review, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(review.ReviewId);
        Require(review.Tenant, review.ReviewId, review.Learner, review.Reviewer);
        var pk = Partition(review.Tenant, review.TeamId);
        var row = ReviewRow(review.ReviewId, DateOnly.FromDateTime(review.AtUtc.UtcDateTime));
        await Mentions.RecordAsync(rows, Named(review.Learner, review.Reviewer), new Mention(Tables.PeerReviews, pk, row), ct).ConfigureAwait(false);
        try
        {
            await rows.SubmitAsync(Tables.PeerReviews, pk, [RowOp.Insert(row, StorageJson.Write(review))], ct).ConfigureAwait(false);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    public async Task<PeerReview?> GetReviewAsync(TenantScope tenant, string teamId, string reviewId, DateOnly dayInWeek, CancellationToken ct)
    {
        var found = await rows.GetAsync(Tables.PeerReviews, Partition(tenant, teamId), ReviewRow(reviewId, dayInWeek), ct).ConfigureAwait(false);
        return found is null ? null : StorageJson.Read<PeerReview>(found);
    }

    public async Task MarkHelpfulAsync(PeerReview review, DateTimeOffset atUtc, CancellationToken ct)
    {
        var pk = Partition(review.Tenant, review.TeamId);
        var row = ReviewRow(review.ReviewId, DateOnly.FromDateTime(review.AtUtc.UtcDateTime));
        if (await rows.GetAsync(Tables.PeerReviews, pk, row, ct).ConfigureAwait(false) is not { } stored
            || StorageJson.Read<PeerReview>(stored) is not { Helpful: false } current)
        {
            return; // forgotten since, or marked already
        }

        // Replace-if-version: a review forgotten in between is not brought back.
        await rows.SubmitAsync(Tables.PeerReviews, pk, [RowOp.Replace(row, StorageJson.Write(current with { HelpfulUtc = atUtc }), stored.Version)], ct)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PeerReview>> ListSinceAsync(TenantScope tenant, string teamId, DateOnly fromDay, CancellationToken ct)
    {
        var found = await rows.RangeAsync(Tables.PeerReviews, Partition(tenant, teamId),
            ReviewPrefix + RowKeys.Day(WeekBucket.Monday(fromDay)), RowKeys.PrefixEnd(ReviewPrefix), null, ct).ConfigureAwait(false);
        return found.Select(StorageJson.Read<PeerReview>).OrderBy(r => r.AtUtc).ToArray();
    }

    private static string ReviewRow(string reviewId, DateOnly day) =>
        ReviewPrefix + RowKeys.Join(RowKeys.Day(WeekBucket.Monday(day)), RowKeys.Part(reviewId));

    private static string Partition(TenantScope tenant, string teamId) => RowKeys.Join(RowKeys.Tenant(tenant), RowKeys.Part(teamId));

    private static IEnumerable<PersonKey> Named(PersonKey learner, PersonKey? reviewer) =>
        reviewer is null ? [learner] : [learner, reviewer];

    private static void Require(TenantScope tenant, string id, PersonKey learner, PersonKey? reviewer)
    {
        if (learner.Tenant != tenant || (reviewer is not null && reviewer.Tenant != tenant))
        {
            throw new ArgumentException($"Peer review {id} names a person outside tenant {tenant}.");
        }
    }
}
