using System.Text.Json.Serialization;
using RolePlay.Core.Chat;

namespace RolePlay.Core.Storage;

/// <summary>A peer's answer to one checklist behaviour; also the engine's view of it (null there: it did not come up).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChecklistAnswer>))]
public enum ChecklistAnswer { No, Partly, Yes }

/// <summary>How a peer came to review: as an observer of a facilitated practice, from a practice shared to the team's
/// channel, or asked by their buddy.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewSource>))]
public enum ReviewSource { Observer, Shared, Buddy }

/// <summary>A learner's consent to be reviewed on one practice with one checklist. <see cref="Reviewer"/> names the one
/// person asked (an observer, the buddy); null means any teammate but the learner (a shared practice), until
/// <see cref="Withdrawn"/>. <see cref="Engine"/> is the engine's answer per behaviour id, fixed when the request is made,
/// so calibration compares the peer with what the learner was shown. <see cref="Channel"/> is where a review of a
/// practice done or shared in public is announced (by count, never content).</summary>
public sealed record ReviewRequest(
    TenantScope Tenant,
    string TeamId,
    string RequestId,
    PersonKey Learner,
    string LearnerName,
    string SessionId,
    string ScenarioTitle,
    string ChecklistId,
    ReviewSource Source,
    PersonKey? Reviewer,
    IReadOnlyDictionary<string, ChecklistAnswer?> Engine,
    DateTimeOffset AtUtc)
{
    public ConversationAddress? Channel { get; init; }

    public bool Withdrawn { get; init; }
}

/// <summary>One peer's filled-in checklist. <see cref="Landed"/> comes first and is required; <see cref="TryNext"/> is
/// optional. <see cref="Helpful"/> is the learner's "feedback on feedback".</summary>
public sealed record PeerReview(
    TenantScope Tenant,
    string TeamId,
    string ReviewId,
    string RequestId,
    PersonKey Learner,
    PersonKey Reviewer,
    string ReviewerName,
    ReviewSource Source,
    string ChecklistId,
    IReadOnlyDictionary<string, ChecklistAnswer> Answers,
    IReadOnlyDictionary<string, ChecklistAnswer?> Engine,
    string Landed,
    string? TryNext,
    DateTimeOffset AtUtc)
{
    public DateTimeOffset? HelpfulUtc { get; init; }

    [JsonIgnore]
    public bool Helpful => HelpfulUtc is not null;
}

/// <summary>Requests and reviews of one team, kept with the team. Reviews are filed by the week they were given in, so a
/// dashboard reads a week without reading the team's whole history.</summary>
public interface IPeerReviewStore
{
    /// <summary>Saves a request (a new one, or the same one withdrawn).</summary>
    Task SaveRequestAsync(ReviewRequest request, CancellationToken ct);

    Task<ReviewRequest?> GetRequestAsync(TenantScope tenant, string teamId, string requestId, CancellationToken ct);

    /// <summary>Adds a review; false when this id is already there (one review per reviewer and request).</summary>
    Task<bool> AddReviewAsync(PeerReview review, CancellationToken ct);

    /// <summary>A review given in the ISO week (Monday-based, UTC) containing <paramref name="dayInWeek"/>.</summary>
    Task<PeerReview?> GetReviewAsync(TenantScope tenant, string teamId, string reviewId, DateOnly dayInWeek, CancellationToken ct);

    /// <summary>Marks a review helpful; again, or on a review forgotten since, does nothing.</summary>
    Task MarkHelpfulAsync(PeerReview review, DateTimeOffset atUtc, CancellationToken ct);

    /// <summary>Reviews given in the weeks from the one containing <paramref name="fromDay"/> on, oldest first.</summary>
    Task<IReadOnlyList<PeerReview>> ListSinceAsync(TenantScope tenant, string teamId, DateOnly fromDay, CancellationToken ct);
}
