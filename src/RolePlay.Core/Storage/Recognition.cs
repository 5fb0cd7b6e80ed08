namespace RolePlay.Core.Storage;

/// <summary>A manager's recognition of peer feedback (capped per day), or anyone's empathy-win reaction (counted).</summary>
public enum RecognitionKind { Recognition, EmpathyWin }

/// <summary>Someone reacted to a post with the team's emoji: who, on whose post, what kind of post, when.
/// <see cref="Kind"/> defaults to a recognition so rows written before it existed read as what they were.</summary>
public sealed record RecognitionRecord(
    TenantScope Tenant,
    string TeamId,
    string RecognitionId,
    PersonKey ReactedBy,
    PersonKey Recipient,
    string MessageId,
    string PostKind,
    string Emoji,
    DateTimeOffset AtUtc,
    RecognitionKind Kind = RecognitionKind.Recognition);

public interface IRecognitionStore
{
    /// <summary>Adds a recognition; the same id twice is kept once (reaction events are retried).</summary>
    Task AddAsync(RecognitionRecord recognition, CancellationToken ct);

    /// <summary>Removes a recognition (the reaction was taken back) from the week containing <paramref name="dayInWeek"/>;
    /// nothing there is fine (the removal event is retried, or it was never recorded).</summary>
    Task RemoveAsync(TenantScope tenant, string teamId, string recognitionId, DateOnly dayInWeek, CancellationToken ct);

    /// <summary>Recognitions of a team in the ISO week (Monday-based, UTC) that contains <paramref name="dayInWeek"/>.</summary>
    Task<IReadOnlyList<RecognitionRecord>> ListWeekAsync(TenantScope tenant, string teamId, DateOnly dayInWeek, CancellationToken ct);
}

public static class WeekBucket
{
    /// <summary>The Monday that starts the week containing <paramref name="day"/>.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
