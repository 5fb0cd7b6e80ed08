namespace RolePlay.Core.Storage;

public enum DeliveryState
{
    Claimed,
    Sent,
    Throttled,
    Failed,

    /// <summary>Not sent on purpose: the occasion was missed by more than the misfire window (or no longer planned).</summary>
    Skipped,
}

/// <summary>
/// One scheduled message: a recipient (a person's or a channel's id within the tenant), a routine
/// ("daily-prompt", "standup", ...) and an occasion key (e.g. the local date) that makes it unique.
/// <see cref="DueUtc"/> places it in a minute bucket so a sender can resume after a crash.
/// <see cref="NotBeforeUtc"/> is when a throttled entry may be tried again (the platform's Retry-After).
/// </summary>
public sealed record LedgerEntry(
    TenantScope Tenant,
    string Recipient,
    string Routine,
    string OccasionKey,
    DateTimeOffset DueUtc,
    DeliveryState State,
    int Attempts,
    string? LastError,
    DateTimeOffset UpdatedUtc,
    string? Version = null,
    DateTimeOffset? NotBeforeUtc = null)
{
    /// <summary>Nothing more will happen to it: sent, failed for good, or skipped.</summary>
    public bool IsSettled => State is DeliveryState.Sent or DeliveryState.Failed or DeliveryState.Skipped;
}

public interface IDeliveryLedger
{
    /// <summary>
    /// Conditional insert: true when this caller won the claim and must deliver, false when someone already holds it.
    /// </summary>
    Task<bool> TryClaimAsync(LedgerEntry entry, CancellationToken ct);

    Task<LedgerEntry?> GetAsync(TenantScope tenant, string recipient, string routine, string occasionKey, CancellationToken ct);

    /// <summary>Records an outcome (with one more attempt) if the entry is unchanged since read.</summary>
    Task<LedgerEntry> MarkAsync(LedgerEntry entry, DeliveryState state, string? lastError, DateTimeOffset nowUtc, CancellationToken ct);

    /// <summary>Entries of a tenant due in one UTC minute bucket.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListByDueBucketAsync(TenantScope tenant, DateTimeOffset minuteUtc, CancellationToken ct);
}

public interface IInboundDedupe
{
    /// <summary>
    /// Claims an inbound event id: true the first time (process it), false for a retry of a live claim.
    /// An expired claim may be claimed again.
    /// </summary>
    Task<bool> TryClaimAsync(InboundEventKey key, DateTimeOffset nowUtc, TimeSpan keepFor, CancellationToken ct);

    /// <summary>Forgets a claim whose processing failed, so the platform's retry is processed; nothing if absent.</summary>
    Task ReleaseAsync(InboundEventKey key, CancellationToken ct);

    /// <summary>Removes a tenant's expired claims (a daily housekeeping job, never per message); returns how many.</summary>
    Task<int> PurgeExpiredAsync(TenantScope tenant, DateTimeOffset nowUtc, CancellationToken ct);
}
