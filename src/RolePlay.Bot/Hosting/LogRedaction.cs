using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Logs;
using RolePlay.Channels.Inbound;
using RolePlay.Core.Telemetry;

namespace RolePlay.Bot.Hosting;

/// <summary>What an exported log line may carry. Its body is the message template (written in code, so never a
/// person's words); of its values, numbers, flags and times are kept and every other value is hashed
/// (<see cref="RolePlayTelemetry.Hash"/>), since a log's text values name people, tenants, conversations and events.
/// The request it belongs to is added from <see cref="InboundScope.Current"/>: the platform, with tenant and event id
/// hashed. An exception is cut to its type: its message can quote what it failed on.</summary>
/// <remarks>Runs before the exporter, as the line is logged (its request's async flow is the current one), and is the
/// only way lines leave: scopes are not exported, since theirs hold the same ids in clear.</remarks>
internal sealed class LogRedaction : BaseProcessor<LogRecord>
{
    private const string Template = "{OriginalFormat}";

    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kept = new List<KeyValuePair<string, object?>>();
        foreach (var (key, value) in data.Attributes ?? [])
        {
            kept.Add(new(key, key == Template || IsPlain(value) ? value : Hashed(value)));
        }

        if (InboundScope.Current is { } origin)
        {
            kept.Add(new("roleplay.platform", origin.Platform.Id));
            kept.Add(new("roleplay.tenant", RolePlayTelemetry.Hash(origin.Tenant)));
            if (origin.EventId is { } eventId)
            {
                kept.Add(new("roleplay.event_id", RolePlayTelemetry.Hash(eventId)));
            }
        }

        if (data.Exception is { } exception)
        {
            kept.Add(new("exception.type", exception.GetType().FullName));
            data.Exception = null;
        }

        data.Attributes = kept;
        data.FormattedMessage = null;
        data.Body = null;
    }

    private static bool IsPlain(object? value) =>
        value is null or bool or byte or short or int or long or float or double or decimal or TimeSpan or DateTime or DateTimeOffset
        || value.GetType().IsEnum;

    private static string Hashed(object? value) => RolePlayTelemetry.Hash(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
}
