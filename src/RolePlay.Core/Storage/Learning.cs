namespace RolePlay.Core.Storage;

/// <summary>One rubric criterion's score with its evidence: the agent's exact phrases that earned it, and those that
/// cost a point prefixed <see cref="CostPrefix"/>.</summary>
public sealed record StoredRubricScore(string Criterion, int Score, IReadOnlyList<string> Evidence)
{
    public const string CostPrefix = "cost: ";
}

public sealed record RubricResultRecord(PersonKey Person, string SessionId, IReadOnlyList<StoredRubricScore> Scores, DateTimeOffset AtUtc);

/// <summary>A debrief answer or free reflection; <see cref="Layer"/> is "feelings", "observations" or "commitment".</summary>
public sealed record ReflectionRecord(PersonKey Person, string SessionId, string Layer, string Text, DateTimeOffset AtUtc);

public enum CommitmentStatus
{
    Open,
    Kept,
    Dropped,
}

public sealed record CommitmentRecord(
    PersonKey Person,
    string CommitmentId,
    string SessionId,
    string Behaviour,
    string Text,
    DateOnly CheckInDay,
    CommitmentStatus Status,
    DateTimeOffset CreatedUtc,
    string? Version = null);

/// <summary>A buddy's (or the person's own) check-in on a commitment; <see cref="By"/> wrote it.</summary>
public sealed record CheckInRecord(PersonKey Person, string CommitmentId, PersonKey By, string Text, bool Kept, DateTimeOffset AtUtc);

public interface ILearningStore
{
    Task SaveRubricAsync(RubricResultRecord result, CancellationToken ct);

    Task<RubricResultRecord?> GetRubricAsync(PersonKey person, string sessionId, CancellationToken ct);

    Task AddReflectionAsync(ReflectionRecord reflection, CancellationToken ct);

    Task<IReadOnlyList<ReflectionRecord>> ListReflectionsAsync(PersonKey person, string sessionId, CancellationToken ct);

    /// <summary>Insert (Version null) or update-if-unchanged; keeps the check-in day index in step.</summary>
    Task<CommitmentRecord> SaveCommitmentAsync(CommitmentRecord commitment, CancellationToken ct);

    Task<CommitmentRecord?> GetCommitmentAsync(PersonKey person, string commitmentId, CancellationToken ct);

    /// <summary>Commitments of a tenant whose check-in falls on this day (an index read, not a scan).</summary>
    Task<IReadOnlyList<CommitmentRecord>> ListDueForCheckInAsync(TenantScope tenant, DateOnly day, CancellationToken ct);

    Task AddCheckInAsync(CheckInRecord checkIn, CancellationToken ct);

    Task<IReadOnlyList<CheckInRecord>> ListCheckInsAsync(PersonKey person, string commitmentId, CancellationToken ct);
}
