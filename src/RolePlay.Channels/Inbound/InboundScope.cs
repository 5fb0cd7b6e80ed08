using Microsoft.Extensions.Logging;
using RolePlay.Core;

namespace RolePlay.Channels.Inbound;

/// <summary>The logging scope of one inbound request: its platform, tenant and event id (a Teams activity id, a Slack
/// event_id or trigger_id) on every line logged while it is handled, and later by the work it queued, which runs in
/// its context (<see cref="HandedOverWork"/>), so no log line needs to name them by hand. Logs stay on the host; what
/// is exported as telemetry never carries these ids in clear.</summary>
public static class InboundScope
{
    public static IDisposable? Begin(ILogger logger, Platform platform, string tenant, string? eventId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(platform);
        // A message template, so the console shows "slack T1 Ev123" and structured sinks get the three names.
        return logger.BeginScope("{Platform} {Tenant} {EventId}", platform.Id, tenant, eventId);
    }
}
