using Microsoft.Extensions.Logging;
using RolePlay.Core;

namespace RolePlay.Channels.Inbound;

/// <summary>The logging scope of one inbound request: its platform, tenant and event id (a Teams activity id, a Slack
/// event_id or trigger_id) on every line logged while it is handled, and later by the work it queued, which runs in
/// its context (<see cref="HandedOverWork"/>), so no log line needs to name them by hand. The console shows them in
/// clear; exported logs read them from <see cref="Current"/> and carry them hashed.</summary>
public static class InboundScope
{
    private static readonly AsyncLocal<InboundOrigin?> Ambient = new();

    /// <summary>The request being handled here, in this async flow; null outside one.</summary>
    public static InboundOrigin? Current => Ambient.Value;

    public static IDisposable Begin(ILogger logger, Platform platform, string tenant, string? eventId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(platform);
        // A message template, so the console shows "slack T1 Ev123" and structured sinks get the three names.
        var scope = logger.BeginScope("{Platform} {Tenant} {EventId}", platform.Id, tenant, eventId);
        var outer = Ambient.Value;
        Ambient.Value = new InboundOrigin(platform, tenant, eventId);
        return new Ending(scope, outer);
    }

    private sealed class Ending(IDisposable? scope, InboundOrigin? outer) : IDisposable
    {
        public void Dispose()
        {
            Ambient.Value = outer;
            scope?.Dispose();
        }
    }
}

/// <summary>Where the request being handled came from.</summary>
public sealed record InboundOrigin(Platform Platform, string Tenant, string? EventId);
