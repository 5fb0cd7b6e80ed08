namespace RolePlay.Core.Storage;

/// <summary>An inbound event the platform has been told "200" for and that is not finished yet, kept with the request's
/// own payload so any instance can process it again after a crash. <see cref="Owner"/> is the instance working on it
/// until <see cref="LeaseUntilUtc"/>; <see cref="Attempts"/> counts the times it was taken up after the first (after a
/// crash, a failure or a lease that ran out), when its earlier work may have happened in part. <see cref="Answer"/> is
/// the reply the event was given, recorded before it is sent, so an instance taking the entry up again sends that reply
/// again instead of handling the event a second time (it would meet the state the first attempt left behind).</summary>
public sealed record InboxEntry(
    InboundEventKey Key,
    string? OrderKey,
    string Payload,
    DateTimeOffset AcceptedUtc,
    string Owner,
    DateTimeOffset LeaseUntilUtc,
    int Attempts = 0,
    string? Version = null,
    string? Answer = null)
{
    /// <summary>Whether another instance may take it up: its owner let the lease run out (crashed, or gave it back).</summary>
    public bool IsFree(DateTimeOffset nowUtc) => LeaseUntilUtc <= nowUtc;
}

/// <summary>The durable inbox: written before the platform is acknowledged, emptied when the event's work (and its
/// replies) is done. Its conditional writes make sure two instances never work on one entry at the same time.</summary>
public interface IInbox
{
    /// <summary>Stores a new entry (leased by its <see cref="InboxEntry.Owner"/>) and returns it as stored (with its
    /// Version); null when the event is already in the inbox (the platform's retry of an event not finished yet).
    /// Throws <see cref="StorageUnavailableException"/> when the store is down: the platform must then be told to retry.</summary>
    Task<InboxEntry?> TryAddAsync(InboxEntry entry, CancellationToken ct);

    /// <summary>Writes <paramref name="entry"/> (a new lease, attempt count or answer) if the stored one is still at
    /// its <see cref="InboxEntry.Version"/>; the entry as stored now, or null when someone else changed or finished it
    /// first.</summary>
    Task<InboxEntry?> TryUpdateAsync(InboxEntry entry, CancellationToken ct);

    /// <summary>Removes the entry: its work is done (or given up). Nothing if it is gone already.</summary>
    Task CompleteAsync(InboundEventKey key, CancellationToken ct);

    /// <summary>Every entry of a platform, oldest accepted first.</summary>
    Task<IReadOnlyList<InboxEntry>> ListAsync(Platform platform, CancellationToken ct);
}
