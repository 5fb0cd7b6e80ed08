using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;

namespace RolePlay.Teams.Inbound;

/// <summary>Teams' replies, kept until they are sent. Teams gets its 200 once the turn is stored and the replies leave
/// after it, at Teams' pace (<c>ConversationOutbox</c>); held only in memory, a crash then would lose them, and Teams
/// does not send an answered activity again. So before the 200 they are recorded in the durable inbox (platform
/// <c>teams</c>) with the activity they answer, leased to this instance and renewed while they are sent, and removed once
/// sent; once a crashed instance's lease runs out another one takes them up (<see cref="TeamsReplyResumer"/>).</summary>
public sealed partial class TeamsReplyInbox(IInbox inbox, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsReplyInbox> logger)
{
    /// <summary>Attempts at sending recorded replies before they are given up (logged as an error).</summary>
    public const int MaxAttempts = 5;

    private readonly ConcurrentDictionary<InboundEventKey, InboxEntry> _held = new();
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TimeSpan Lease => options.Value.ReplyLease;

    /// <summary>Records <paramref name="answer"/> to <paramref name="activityJson"/> as this instance's to send. False
    /// when it could not be recorded (the store is down): the replies are sent all the same, and only a crash now
    /// would lose them.</summary>
    public async Task<bool> TryRecordAsync(InboundEventKey key, string activityJson, RouterResult answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();
        try
        {
            var entry = new InboxEntry(key, null, activityJson, now, _owner, now + Lease, Answer: RouterResultJson.Write(answer));
            if (await inbox.TryAddAsync(entry, cancellationToken).ConfigureAwait(false) is not { } added)
            {
                return false; // already recorded: the dedupe claim makes this another instance's (or an earlier) answer
            }

            _held[key] = added;
            return true;
        }
        catch (StorageUnavailableException e)
        {
            LogNotRecorded(logger, key.EventId, e.Message);
            return false;
        }
    }

    /// <summary>The replies were sent (or given up): nobody is to send them again.</summary>
    public async Task SentAsync(InboundEventKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _held.TryRemove(key, out _);
        try
        {
            await inbox.CompleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageUnavailableException e)
        {
            LogNotRemoved(logger, key.EventId, e.Message); // sent again once its lease runs out: a repeat, not a loss
        }
    }

    /// <summary>Sending failed: the lease is no longer renewed, so the replies are tried again once it runs out.</summary>
    public void GiveBack(InboundEventKey key) => _held.TryRemove(key, out _);

    /// <summary>Renews the leases of the replies still being sent that are past half their lease.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _held)
        {
            if (entry.LeaseUntilUtc - now > Lease / 2)
            {
                continue;
            }

            if (await inbox.TryUpdateAsync(entry with { LeaseUntilUtc = now + Lease }, cancellationToken).ConfigureAwait(false) is { } renewed)
            {
                _held.TryUpdate(key, renewed, entry);
            }
            else if (_held.ContainsKey(key))
            {
                LogLeaseLost(logger, key.EventId);
            }
        }
    }

    /// <summary>Leases the recorded replies nobody is sending (their instance crashed or stopped), oldest first; those
    /// tried <see cref="MaxAttempts"/> times are given up.</summary>
    public async Task<IReadOnlyList<InboxEntry>> TakeUpAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var taken = new List<InboxEntry>();
        foreach (var entry in await inbox.ListAsync(TeamsPlatform, cancellationToken).ConfigureAwait(false))
        {
            if (!entry.IsFree(now) || _held.ContainsKey(entry.Key))
            {
                continue;
            }

            if (entry.Attempts >= MaxAttempts || entry.Answer is null)
            {
                LogGivenUp(logger, entry.Key.EventId, entry.Attempts);
                await inbox.CompleteAsync(entry.Key, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (await inbox.TryUpdateAsync(entry with { Owner = _owner, LeaseUntilUtc = now + Lease, Attempts = entry.Attempts + 1 }, cancellationToken)
                    .ConfigureAwait(false) is { } leased)
            {
                _held[leased.Key] = leased;
                taken.Add(leased);
            }
        }

        return taken;
    }

    private static Core.Platform TeamsPlatform => ActivityTranslator.Platform;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams replies to activity {ActivityKey} not recorded ({Problem}); sent all the same")]
    private static partial void LogNotRecorded(ILogger logger, string activityKey, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams replies to activity {ActivityKey} sent, not removed ({Problem}); they will be sent again")]
    private static partial void LogNotRemoved(ILogger logger, string activityKey, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams replies to activity {ActivityKey}: lease lost while they are sent; another instance may send them again")]
    private static partial void LogLeaseLost(ILogger logger, string activityKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams replies to activity {ActivityKey} given up after {Attempts} attempts")]
    private static partial void LogGivenUp(ILogger logger, string activityKey, int attempts);
}
