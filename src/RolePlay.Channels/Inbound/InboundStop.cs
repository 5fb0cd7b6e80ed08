using Microsoft.Extensions.Logging;
using RolePlay.Core;

namespace RolePlay.Channels.Inbound;

/// <summary>Why an inbound request went no further, and at which step. <see cref="Level"/> separates a refusal worth a
/// warning from an expected drop (a duplicate, a payload kind the bot does not handle).</summary>
public sealed record InboundStop(InboundStep Step, string Reason, LogLevel Level = LogLevel.Warning)
{
    public static InboundStop Dropped(InboundStep step, string reason) => new(step, reason, LogLevel.Information);

    public static InboundStop Ignored(InboundStep step, string reason) => new(step, reason, LogLevel.Debug);

    /// <summary>Logs the stop with the step's name, e.g. "slack request stopped at Allow: workspace T1 is not served".</summary>
    public void Log(ILogger logger, Platform channel)
    {
        ArgumentNullException.ThrowIfNull(logger);
        InboundStopLog.Stopped(logger, Level, channel, Step, Reason);
    }
}

internal static partial class InboundStopLog
{
    [LoggerMessage(Message = "{Channel} request stopped at {Step}: {Reason}")]
    public static partial void Stopped(ILogger logger, LogLevel level, Platform channel, InboundStep step, string reason);
}
