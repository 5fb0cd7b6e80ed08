using RolePlay.Core.Chat;
using RolePlay.Core.Scheduling;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Studio.Http;

// The JSON the studio's pages send. Unknown or missing members are refused (StudioRequests.Json).

public sealed record NewPersonRequest(string Name);

public sealed record MessageRequest(string Text);

/// <summary>A card action: the verb of the Action.Execute/Action.Submit, its data merged with the card's inputs, and
/// which message (card) was acted on, so the card can be replaced or shown again with its errors.</summary>
public sealed record SubmitRequest(string Verb, Dictionary<string, string>? Values = null, long? CardSeq = null);

/// <summary>A facilitator's nudge: <see cref="Kind"/> is cue, outage or goal.</summary>
public sealed record NudgeRequest(string Learner, string Kind, string Text);

/// <summary>Limits and shapes of the studio's input, each with the sentence the page shows when it is broken.</summary>
public static class StudioLimits
{
    public const int MaxNameLength = 60;
    public const int MaxMessageLength = MessageLimit.MaxLength;
    public const int MaxValues = 20;
    public const int MaxValueLength = 2000;
    public const int MaxNudgeLength = 300;

    public static string? CheckName(string? name) =>
        name is null || name.Trim().Length == 0 ? "Tell us a name to use (a first name is enough)."
        : name.Trim().Length > MaxNameLength ? $"Keep the name to {MaxNameLength} characters."
        : name.Any(char.IsControl) ? "The name may not contain control characters."
        : null;

    public static string? CheckMessage(string? text) =>
        text is null || text.Trim().Length == 0 ? "Type a message first."
        : text.Length > MaxMessageLength ? $"A message may be at most {MaxMessageLength} characters; this one has {text.Length}."
        : null;

    public static string? CheckSubmit(SubmitRequest submit)
    {
        if (submit.Verb is null || submit.Verb.Length is 0 or > 64 || !submit.Verb.All(c => char.IsAsciiLetterLower(c) || c is '.' or '_'))
        {
            return "“verb” must be a card verb such as practice.start.";
        }

        if (submit.Values is { Count: > MaxValues })
        {
            return $"A card sends at most {MaxValues} values.";
        }

        if (submit.Values?.Any(v => v.Value is null) == true)
        {
            return "Every value must be text; null is not a value.";
        }

        return submit.Values?.FirstOrDefault(v => v.Key.Length is 0 or > 64 || v.Value.Length > MaxValueLength) is { Key: not null } bad
            ? $"The value “{Shorten(bad.Key)}” is too long (keys up to 64, values up to {MaxValueLength} characters)."
            : null;
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}

/// <summary>A team as its page sets it up: a name, the team's time zone (IANA) and its service values.</summary>
public sealed record TeamRequest(string Name, string TimeZone, List<string>? Values = null);

/// <summary>The customer's voice a manager chooses: "rule" or "model", and for the model a team's own endpoint by name
/// (none: the deployment's).</summary>
public sealed record VoiceRequest(string Voice, string? Endpoint = null);

/// <summary>The language a manager chooses for the team's cue strips ("es").</summary>
public sealed record CueLanguageRequest(string Language);

/// <summary>An invite link or its code, as a teammate pastes it.</summary>
public sealed record JoinRequest(string Invite);

/// <summary>A person's own practice time: <see cref="On"/> false stops daily practice (opting out, without penalty).</summary>
public sealed record ScheduleRequest(bool On, string? Time = null, string? TimeZone = null, List<string>? Days = null);

/// <summary>A team form as <c>TeamSettings</c> takes it: the trimmed name, the zone in the system's spelling, the values
/// as Core's own rule for them leaves them.</summary>
public sealed record TeamForm(string Name, string TimeZone, IReadOnlyList<string> Values)
{
    public const int MaxName = 60;

    /// <summary>The form, or the sentence the page shows when it cannot be one.</summary>
    public static (TeamForm? Form, string? Problem) Read(TeamRequest team)
    {
        ArgumentNullException.ThrowIfNull(team);
        var name = team.Name?.Trim() ?? "";
        var zone = TimeZoneNames.Find(team.TimeZone);
        var values = TeamSetupParser.ValuesOf(team.Values ?? []);
        return name.Length == 0 ? (null, "Give the team a name.")
            : name.Length > MaxName ? (null, $"Keep the team's name to {MaxName} characters.")
            : name.Any(char.IsControl) ? (null, "The name may not contain control characters.")
            : zone is null ? (null, "Choose the team's time zone, such as Europe/London.")
            : values is TeamSetupCommand.Invalid invalid ? (null, invalid.Reason)
            : (new TeamForm(name, zone, ((TeamSetupCommand.Values)values).Items), null);
    }
}
