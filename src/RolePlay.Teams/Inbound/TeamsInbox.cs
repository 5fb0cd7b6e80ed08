using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Channels;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;

namespace RolePlay.Teams.Inbound;

/// <summary>Teams activities, kept until they are answered. Teams gets its 200 once the turn is stored and the replies
/// leave after it, at Teams' pace (<c>ConversationOutbox</c>); held only in memory, a crash would lose the replies, and
/// one during routing the activity itself, which the dedupe claim then keeps Teams from delivering again. So once
/// claimed an activity is recorded in the durable inbox (platform <c>teams</c>), its answer is added before the 200, and
/// the entry is removed once the replies are sent; it is leased to this instance and renewed meanwhile. After a crash
/// another instance takes it up once the lease runs out (<see cref="TeamsInboxResumer"/>): it sends the recorded
/// answer, or routes the activity, as delivered again, when none was recorded.</summary>
public sealed partial class TeamsInbox(IInbox inbox, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsInbox> logger)
{
    /// <summary>Attempts at an activity before it is given up (logged as an error).</summary>
    public const int MaxAttempts = 5;

    private readonly ConcurrentDictionary<InboundEventKey, HeldInboxEntry> _held = new();
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TimeSpan Lease => options.Value.InboxLease;

    /// <summary>Records a claimed activity as this instance's to answer. False when it could not be recorded (the store
    /// is down): it is handled all the same, and only a crash now would lose it.</summary>
    public async Task<bool> TryAcceptAsync(InboundEventKey key, string activityJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();
        try
        {
            if (await inbox.TryAddAsync(new InboxEntry(key, null, activityJson, now, _owner, now + Lease), cancellationToken).ConfigureAwait(false)
                is not { } added)
            {
                return false; // already there: an earlier instance's, which the resumer answers
            }

            _held[key] = new HeldInboxEntry(added);
            return true;
        }
        catch (StorageUnavailableException e)
        {
            LogNotRecorded(logger, key.EventId, e.Message);
            return false;
        }
    }

    /// <summary>Records the answer before it is sent; false when it could not be (the store failed, the lease was lost):
    /// it is sent all the same, and a crash now would route the activity again.</summary>
    public async Task<bool> TryAnswerAsync(InboundEventKey key, RouterResult answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_held.TryGetValue(key, out var held))
        {
            return false;
        }

        try
        {
            if (await held.TryUpdateAsync(inbox, e => e with { Answer = RouterResultJson.Write(answer) }, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            LogLeaseLost(logger, key.EventId);
        }
        catch (StorageUnavailableException e)
        {
            LogNotRecorded(logger, key.EventId, e.Message);
        }

        return false;
    }

    /// <summary>The activity is answered (its replies sent or given up) or was never to be answered from here (its
    /// request failed, so Teams' retry is the one): nobody is to handle it again.</summary>
    public async Task DoneAsync(InboundEventKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _held.TryRemove(key, out _);
        try
        {
            await inbox.CompleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageUnavailableException e)
        {
            LogNotRemoved(logger, key.EventId, e.Message); // handled again once its lease runs out: a repeat, not a loss
        }
    }

    /// <summary>Sending failed: the lease is no longer renewed, so the activity is tried again once it runs out.</summary>
    public void GiveBack(InboundEventKey key) => _held.TryRemove(key, out _);

    /// <summary>Renews the leases of the activities still being answered that are past half their lease.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (key, held) in _held)
        {
            if (held.Entry.LeaseUntilUtc - now > Lease / 2)
            {
                continue;
            }

            if (!await held.TryUpdateAsync(inbox, e => e with { LeaseUntilUtc = now + Lease }, cancellationToken).ConfigureAwait(false)
                && _held.ContainsKey(key))
            {
                LogLeaseLost(logger, key.EventId);
            }
        }
    }

    /// <summary>Leases the activities nobody is answering (their instance crashed or stopped), oldest first; those tried
    /// <see cref="MaxAttempts"/> times are given up.</summary>
    public async Task<IReadOnlyList<InboxEntry>> TakeUpAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var taken = new List<InboxEntry>();
        foreach (var entry in await inbox.ListAsync(ActivityTranslator.Platform, cancellationToken).ConfigureAwait(false))
        {
            if (!entry.IsFree(now) || _held.ContainsKey(entry.Key))
            {
                continue;
            }

            if (entry.Attempts >= MaxAttempts)
            {
                LogGivenUp(logger, entry.Key.EventId, entry.Attempts);
                await inbox.CompleteAsync(entry.Key, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (await inbox.TryUpdateAsync(entry with { Owner = _owner, LeaseUntilUtc = now + Lease, Attempts = entry.Attempts + 1 }, cancellationToken)
                    .ConfigureAwait(false) is { } leased)
            {
                _held[leased.Key] = new HeldInboxEntry(leased);
                taken.Add(leased);
            }
        }

        return taken;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity {ActivityKey} or its answer not recorded ({Problem}); handled all the same")]
    private static partial void LogNotRecorded(ILogger logger, string activityKey, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity {ActivityKey} answered, not removed ({Problem}); it will be answered again")]
    private static partial void LogNotRemoved(ILogger logger, string activityKey, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity {ActivityKey}: lease lost while it is answered; another instance may answer it again")]
    private static partial void LogLeaseLost(ILogger logger, string activityKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams activity {ActivityKey} given up after {Attempts} attempts")]
    private static partial void LogGivenUp(ILogger logger, string activityKey, int attempts);
}
