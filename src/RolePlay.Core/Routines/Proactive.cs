using RolePlay.Core.Chat;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>Where a routine's message goes: a person's personal chat (Teams 1:1, Slack DM, studio), or a team
/// channel (optionally as a reply in a thread).</summary>
public abstract record RoutineTarget
{
    public abstract TenantScope Tenant { get; }

    /// <summary>The recipient id the delivery ledger keys on (a user id or a channel id within the tenant).</summary>
    public abstract string RecipientId { get; }

    public sealed record Person(PersonKey Key) : RoutineTarget
    {
        public override TenantScope Tenant => Key.Tenant;

        public override string RecipientId => Key.UserId;
    }

    public sealed record Channel(TenantScope Scope, string ChannelId, string? ThreadId = null) : RoutineTarget
    {
        public override TenantScope Tenant => Scope;

        public override string RecipientId => ChannelId;
    }
}

/// <summary>How one proactive send ended. Channel senders translate their platform's outcomes into these and never
/// throw for an HTTP failure.</summary>
public abstract record ProactiveOutcome
{
    /// <summary>Delivered; <see cref="MessageId"/> is the platform's id of the (first) message, when known — a
    /// Slack ts or a Teams activity id — so a standup opener's answers can be threaded under it.</summary>
    public sealed record Sent(string? MessageId) : ProactiveOutcome;

    /// <summary>The platform kept refusing with 429 after the sender's bounded retries; retry after this.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : ProactiveOutcome;

    /// <summary>The person blocked/uninstalled the bot or is gone: mark them, never retry.</summary>
    public sealed record Unreachable(string Reason) : ProactiveOutcome;

    /// <summary>Anything else (no conversation reference known, 5xx after retries, ...).</summary>
    public sealed record Failed(string Error) : ProactiveOutcome;

    /// <summary>Never returned by a sender: the runner's word, passed to <see cref="PlannedMessage.AfterSentAsync"/>,
    /// for an occasion it deliberately did not send (missed by more than the misfire window), so a routine can still
    /// move on (a person's next prompt).</summary>
    public sealed record Skipped(string Reason) : ProactiveOutcome;
}

/// <summary>Sends bot-initiated messages on one platform. Implementations live in the
/// channel projects; they render <see cref="Outgoing"/> exactly as replies are rendered, pace themselves by the
/// platform's limits and honour Retry-After.</summary>
public interface IProactiveSender
{
    Platform Platform { get; }

    Task<ProactiveOutcome> SendAsync(RoutineTarget to, IReadOnlyList<Outgoing> messages, CancellationToken ct);
}
