namespace RolePlay.Core.Storage;

public static class TurnSpeakers
{
    public const string Customer = "customer";
    public const string Agent = "agent";
    public const string Coach = "coach";

    public static bool IsKnown(string speaker) => speaker is Customer or Agent or Coach;
}

/// <summary>
/// A role-play session header. <see cref="StateJson"/> is the engine's serialised state, opaque to storage.
/// <see cref="TurnCount"/> is how many turns belong to the session: turns beyond it are never read, which
/// keeps a save that spans several batches all-or-nothing from a reader's point of view.
/// A session with no <see cref="EndedUtc"/> is the person's live session (at most one per person).
/// </summary>
public sealed record SessionRecord(
    PersonKey Person,
    string SessionId,
    string ScenarioId,
    string PersonaId,
    int Seed,
    int Intensity,
    string? Outcome,
    DateTimeOffset StartedUtc,
    DateTimeOffset? EndedUtc,
    string StateJson,
    int TurnCount,
    string? Version = null)
{
    public bool IsLive => EndedUtc is null;

    /// <summary>The last event this session applied and the answer it gave, written with the session in one save: an
    /// event delivered again after a crash gets this answer instead of being applied twice.</summary>
    public AppliedEvent? LastEvent { get; init; }
}

/// <summary>An event's <see cref="EventDelivery.Id"/> and its answer, as <c>RouterResultJson</c>.</summary>
public sealed record AppliedEvent(string EventId, string Answer);

/// <summary>One turn. Labels are behaviour wire names (see <c>BehaviourNames</c>).</summary>
public sealed record TurnRecord(int Index, string Speaker, string Text, IReadOnlyList<string> Labels, DateTimeOffset AtUtc);

public interface ISessionStore
{
    /// <summary>
    /// Saves the header and appends <paramref name="newTurns"/> atomically, checking the header's Version.
    /// New turns must continue the numbering: indices from the stored TurnCount up to <c>header.TurnCount - 1</c>.
    /// A new live session conflicts with an existing live one; ending a session frees the live slot.
    /// </summary>
    Task<SessionRecord> SaveAsync(SessionRecord header, IReadOnlyList<TurnRecord> newTurns, CancellationToken ct);

    Task<SessionRecord?> GetAsync(PersonKey person, string sessionId, CancellationToken ct);

    Task<IReadOnlyList<TurnRecord>> GetTurnsAsync(PersonKey person, string sessionId, CancellationToken ct);

    /// <summary>Ended sessions of a person, newest first.</summary>
    Task<IReadOnlyList<SessionRecord>> ListEndedAsync(PersonKey person, int take, CancellationToken ct);
}
