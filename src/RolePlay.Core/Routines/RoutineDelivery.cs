using Microsoft.Extensions.Logging;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Core.Telemetry;

namespace RolePlay.Core.Routines;

/// <summary>What became of one planned message in this attempt.</summary>
public enum DeliveryResult
{
    Sent,

    /// <summary>Missed by more than the misfire window: recorded as skipped, not sent.</summary>
    Skipped,

    /// <summary>Failed for good (including unreachable people and exhausted attempts).</summary>
    Failed,

    /// <summary>Throttled, or claimed by another host within its lease: a later visit of its minute settles it.</summary>
    Pending,

    /// <summary>Settled before this attempt (by another host, or before a restart): nothing done.</summary>
    AlreadySettled,
}

/// <summary>Delivers one <see cref="PlannedMessage"/> exactly once across crashes and hosts: misfire check, claim in the
/// ledger (a conditional insert), compose, send through the platform's <see cref="IProactiveSender"/>, record the
/// outcome. A claim older than <see cref="RoutineOptions.ClaimLease"/> was left by a crashed host and is taken over by
/// exactly one host (the ledger's version check); throttled entries are retried after Retry-After within the misfire
/// window, at most <see cref="RoutineOptions.MaxAttempts"/> times. The one window for a duplicate: a crash after the
/// platform accepted a message and before the ledger recorded it.</summary>
public sealed class RoutineDelivery(
    IDeliveryLedger ledger,
    IEnumerable<IProactiveSender> senders,
    Reachability reachability,
    RoutineOptions options,
    TimeProvider time,
    ILogger<RoutineDelivery> log)
{
    private readonly Dictionary<Platform, IProactiveSender> _senders =
        senders.ToDictionary(s => s.Platform);

    public async Task<DeliveryResult> DeliverAsync(PlannedMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var routine = WireName.Of(message.Routine);
        var to = message.To;
        var fresh = new LedgerEntry(to.Tenant, to.RecipientId, routine, message.OccasionKey, message.DueUtc,
            DeliveryState.Claimed, 0, null, now);
        LedgerEntry entry;
        if (await ledger.TryClaimAsync(fresh, ct).ConfigureAwait(false))
        {
            entry = await ReadAsync(fresh, ct).ConfigureAwait(false);
        }
        else
        {
            var existing = await ReadAsync(fresh, ct).ConfigureAwait(false);
            if (existing.IsSettled)
            {
                await ReplayAfterSentAsync(message, existing, ct).ConfigureAwait(false);
                return DeliveryResult.AlreadySettled;
            }

            if (!IsRetryable(existing, now))
            {
                return DeliveryResult.Pending;
            }

            if (await TakeOverAsync(existing, now, ct).ConfigureAwait(false) is not { } taken)
            {
                return DeliveryResult.Pending;
            }

            entry = taken;
        }

        if (now - message.DueUtc > options.MisfireWindow)
        {
            return await SettleAsync(message, entry,
                new ProactiveOutcome.Skipped($"missed by {(now - message.DueUtc):g}, beyond the misfire window of {options.MisfireWindow:g}"), ct)
                .ConfigureAwait(false);
        }

        if (entry.Attempts >= options.MaxAttempts)
        {
            return await SettleAsync(message, entry, new ProactiveOutcome.Failed($"gave up after {entry.Attempts} attempts"), ct).ConfigureAwait(false);
        }

        if (!_senders.TryGetValue(to.Tenant.Platform, out var sender))
        {
            return await SettleAsync(message, entry, new ProactiveOutcome.Failed($"no sender for platform {to.Tenant.Platform}"), ct).ConfigureAwait(false);
        }

        // A throw here (compose or send) leaves the claim in place: like a crash, the lease then hands it to a retry.
        var content = await message.ComposeAsync(ct).ConfigureAwait(false);
        var outcome = await sender.SendAsync(to, content, ct).ConfigureAwait(false);
        return await SettleAsync(message, entry, outcome, ct).ConfigureAwait(false);
    }

    /// <summary>Records the outcome (a throttle becomes a retry, or a failure/skip once attempts or the window run out),
    /// marks an unreachable person, and runs the routine's follow-up once the occasion is settled.</summary>
    private async Task<DeliveryResult> SettleAsync(PlannedMessage message, LedgerEntry entry, ProactiveOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        RolePlayTelemetry.ProactiveSends.Add(1, new("roleplay.platform", message.To.Tenant.Platform.Id), new("roleplay.outcome", outcome.GetType().Name));
        var (state, error, result, notBefore) = outcome switch
        {
            ProactiveOutcome.Sent => new Settlement(DeliveryState.Sent, null, DeliveryResult.Sent),
            ProactiveOutcome.Skipped s => new Settlement(DeliveryState.Skipped, s.Reason, DeliveryResult.Skipped),
            ProactiveOutcome.Unreachable u => new Settlement(DeliveryState.Failed, $"unreachable: {u.Reason}", DeliveryResult.Failed),
            ProactiveOutcome.Throttled when entry.Attempts + 1 >= options.MaxAttempts =>
                new Settlement(DeliveryState.Failed, $"throttled {entry.Attempts + 1} times", DeliveryResult.Failed),
            ProactiveOutcome.Throttled t when now + t.RetryAfter - message.DueUtc > options.MisfireWindow =>
                new Settlement(DeliveryState.Skipped, "throttled until after the misfire window", DeliveryResult.Skipped),
            ProactiveOutcome.Throttled t => new Settlement(DeliveryState.Throttled, $"throttled, retry after {t.RetryAfter:g}", DeliveryResult.Pending, now + t.RetryAfter),
            ProactiveOutcome.Failed f => new Settlement(DeliveryState.Failed, f.Error, DeliveryResult.Failed),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };

        try
        {
            // Not cancellable: once the platform has the message, recording that is what keeps a retry from sending it
            // again. A fan-out cancelled by another send's failure (or a host stopping) must not abandon this write.
            await ledger.MarkAsync(entry with { NotBeforeUtc = notBefore }, state, error, now, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Our claim outlived its lease and another host took the occasion over: it records the outcome.
            log.LogWarning("{Routine} for {Recipient} ({Occasion}) was taken over by another host while this one sent it; it may have arrived twice.",
                entry.Routine, entry.Recipient, entry.OccasionKey);
            return result == DeliveryResult.Pending ? DeliveryResult.Pending : DeliveryResult.AlreadySettled;
        }

        if (outcome is ProactiveOutcome.Unreachable && message.To is RoutineTarget.Person person)
        {
            await reachability.MarkUnreachableAsync(person.Key, ct).ConfigureAwait(false);
        }

        if (state == DeliveryState.Failed)
        {
            log.LogWarning("{Routine} for {Recipient} ({Occasion}) failed: {Reason}", entry.Routine, entry.Recipient, entry.OccasionKey, error);
        }

        if (result != DeliveryResult.Pending && message.AfterSentAsync is { } after)
        {
            var settled = state == DeliveryState.Skipped ? new ProactiveOutcome.Skipped(error!) : outcome;
            await after(settled, ct).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>An open entry of a revisited minute that its routine no longer plans (the person changed their
    /// settings, the team was removed): once nobody holds it, it is recorded as skipped so the minute can close.</summary>
    public async Task<DeliveryResult> SettleUnplannedAsync(LedgerEntry seen, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var entry = await ledger.GetAsync(seen.Tenant, seen.Recipient, seen.Routine, seen.OccasionKey, ct).ConfigureAwait(false);
        if (entry is null || entry.IsSettled)
        {
            return DeliveryResult.AlreadySettled;
        }

        if (!IsRetryable(entry, now))
        {
            return DeliveryResult.Pending;
        }

        try
        {
            await ledger.MarkAsync(entry, DeliveryState.Skipped, "no longer planned", now, ct).ConfigureAwait(false);
            return DeliveryResult.Skipped;
        }
        catch (ConcurrencyConflictException)
        {
            return DeliveryResult.Pending;
        }
    }

    private sealed record Settlement(DeliveryState State, string? Error, DeliveryResult Result, DateTimeOffset? NotBeforeUtc = null);

    private bool IsRetryable(LedgerEntry entry, DateTimeOffset now) => entry.State switch
    {
        DeliveryState.Throttled => entry.NotBeforeUtc is not { } notBefore || notBefore <= now,
        DeliveryState.Claimed => now - entry.UpdatedUtc >= options.ClaimLease,
        _ => false,
    };

    /// <summary>Re-claims a stale entry; only one host's conditional write wins.</summary>
    private async Task<LedgerEntry?> TakeOverAsync(LedgerEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var reason = entry.State == DeliveryState.Claimed ? "claim taken over after its lease" : "retrying after throttling";
            return await ledger.MarkAsync(entry, DeliveryState.Claimed, reason, now, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    /// <summary>A host may have settled the occasion and died before its follow-up (a person's next prompt) ran, so
    /// meeting a settled occasion runs the follow-up again (follow-ups are idempotent; the message id is not kept).</summary>
    private static Task ReplayAfterSentAsync(PlannedMessage message, LedgerEntry entry, CancellationToken ct)
    {
        if (message.AfterSentAsync is not { } after)
        {
            return Task.CompletedTask;
        }

        ProactiveOutcome outcome = entry.State switch
        {
            DeliveryState.Sent => new ProactiveOutcome.Sent(null),
            DeliveryState.Skipped => new ProactiveOutcome.Skipped(entry.LastError ?? "skipped"),
            _ => new ProactiveOutcome.Failed(entry.LastError ?? "failed"),
        };
        return after(outcome, ct);
    }

    private async Task<LedgerEntry> ReadAsync(LedgerEntry entry, CancellationToken ct) =>
        await ledger.GetAsync(entry.Tenant, entry.Recipient, entry.Routine, entry.OccasionKey, ct).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"The ledger lost {entry.Routine} for {entry.Recipient} ({entry.OccasionKey}) right after claiming it.");
}
