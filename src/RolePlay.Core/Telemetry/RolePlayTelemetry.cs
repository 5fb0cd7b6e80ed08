using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;

namespace RolePlay.Core.Telemetry;

/// <summary>What RolePlay itself reports, in .NET's own diagnostics types so Core needs no telemetry library: spans
/// (<see cref="Source"/>) and instruments (<see cref="Meter"/>), both named <see cref="Name"/>; the host decides where
/// they go. Nothing personal is ever a tag: no message text, no names; tenants appear only hashed (<see cref="Hash"/>).</summary>
public static class RolePlayTelemetry
{
    public const string Name = "RolePlay";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Every event the router handled, by platform and event type.</summary>
    public static readonly Counter<long> Events = Meter.CreateCounter<long>("roleplay.events", "{event}", "Events the router handled");

    /// <summary>Agent messages the customer answered in a role-play, by platform and scenario.</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("roleplay.turns", "{turn}", "Role-play turns answered");

    public static readonly Histogram<double> TurnDuration =
        Meter.CreateHistogram<double>("roleplay.turn.duration", "s", "From the agent's message to the customer's stored answer");

    public static readonly Histogram<double> DetectorDuration =
        Meter.CreateHistogram<double>("roleplay.detector.duration", "s", "Reading one agent message for behaviours");

    public static readonly Histogram<double> RoutineRunDuration =
        Meter.CreateHistogram<double>("roleplay.routines.duration", "s", "One minute's routines over every tenant (the fan-out)");

    /// <summary>Bot-initiated messages settled, by platform and outcome (sent, throttled, unreachable, failed, skipped).</summary>
    public static readonly Counter<long> ProactiveSends = Meter.CreateCounter<long>("roleplay.proactive.sends", "{message}", "Proactive messages settled");

    /// <summary>429 answers the platform clients waited out and tried again, by client; one not worth waiting for
    /// comes back to its caller as throttled (for routines: <see cref="ProactiveSends"/> with outcome Throttled).</summary>
    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>("roleplay.outbound.throttled", "{response}", "429 answers waited out");

    public static readonly Histogram<double> RetryAfterWait =
        Meter.CreateHistogram<double>("roleplay.outbound.retry_after", "s", "Waits a platform's Retry-After asked for");

    /// <summary>Acknowledged events this instance holds in the durable inbox and has not finished, by platform.</summary>
    public static readonly UpDownCounter<long> InboxDepth =
        Meter.CreateUpDownCounter<long>("roleplay.inbox.depth", "{event}", "Acknowledged events held and not finished");

    /// <summary>xAPI statements a tenant's LRS settled, by platform and outcome (accepted, parked).</summary>
    public static readonly Counter<long> StatementsSent =
        Meter.CreateCounter<long>("roleplay.lrs.statements", "{statement}", "Statements a learning record store accepted or refused for good");

    /// <summary>Failed sends to an LRS (down, busy, sign-in refused) and the wait before the next, by platform.</summary>
    public static readonly Histogram<double> LrsWait =
        Meter.CreateHistogram<double>("roleplay.lrs.wait", "s", "Waits after a learning record store could not take statements");

    /// <summary>Tokens a model voice used (prompt and reply), by platform and team (hashed): what each team costs.</summary>
    public static readonly Counter<long> VoiceTokens =
        Meter.CreateCounter<long>("roleplay.voice.tokens", "{token}", "Tokens the model voice used");

    /// <summary>Customer replies the rule voice said in a model-voice team's practice, by reason (timeout, throttled,
    /// error, budget, or the guard that failed).</summary>
    public static readonly Counter<long> VoiceFallbacks =
        Meter.CreateCounter<long>("roleplay.voice.fallbacks", "{reply}", "Model-voice replies the rule voice said instead");

    public static readonly Histogram<double> VoiceDuration =
        Meter.CreateHistogram<double>("roleplay.voice.duration", "s", "One model call wording a customer reply");

    /// <summary>A tenant (or any id) as telemetry may carry it: the first 12 hex digits of its SHA-256, enough to tell
    /// tenants apart in a dashboard, not to name them.</summary>
    public static string Hash(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];
    }
}
