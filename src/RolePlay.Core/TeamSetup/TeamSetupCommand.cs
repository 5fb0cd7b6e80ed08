using System.Text.RegularExpressions;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;
using RolePlay.Core.Voice;

namespace RolePlay.Core.TeamSetup;

/// <summary>A team set-up command, typed in a channel ("@bot team values Listen first; Own the outcome") or as a Slack
/// slash command ("/practice team emoji win :sparkles:"). Values keep their case (service values are prose).</summary>
public abstract record TeamSetupCommand
{
    /// <summary>Changes the set-up: only managers may.</summary>
    public virtual bool ChangesSetup => true;

    /// <summary><see cref="ChannelId"/> null = the conversation the command was typed in.</summary>
    public sealed record Standup(string? ChannelId, TimeOnly? Time) : TeamSetupCommand;

    public sealed record TimeZone(string TimeZoneId) : TeamSetupCommand;

    public sealed record Values(IReadOnlyList<string> Items) : TeamSetupCommand;

    public sealed record Emoji(TeamEmojiRole Role, string Name) : TeamSetupCommand;

    public sealed record Manager(string UserId) : TeamSetupCommand;

    /// <summary>Marks a member as a new hire (or, with "off", as seasoned): buddy pairing alternates who leads.</summary>
    public sealed record NewHire(string UserId, bool IsNewHire) : TeamSetupCommand;

    /// <summary>"team days mon-fri": the days standups run.</summary>
    public sealed record Days(IReadOnlySet<DayOfWeek> WorkingDays) : TeamSetupCommand;

    /// <summary>"team pairing weekly|fortnightly|off [day] [HH:MM]": null day or time keeps the current one.</summary>
    public sealed record Pairing(Storage.PairingCadence Cadence, DayOfWeek? Day, TimeOnly? Time) : TeamSetupCommand;

    /// <summary>"team celebration fri 16:00" or "team celebration off" (<see cref="Day"/> null).</summary>
    public sealed record Celebration(DayOfWeek? Day, TimeOnly? Time) : TeamSetupCommand;

    /// <summary>"team clips 30": how many days the team's voice clips are kept before they are deleted.</summary>
    public sealed record ClipRetention(int KeptDays) : TeamSetupCommand;

    /// <summary>"team voice rule", "team voice model" or "team voice model {endpoint}": whose words the customer
    /// speaks; a named endpoint is the team's own, and the only one its practices are then sent to.</summary>
    public sealed record Voice(VoiceKind Kind, string? Endpoint) : TeamSetupCommand;

    /// <summary>"team checklist {id}": the peer coaching checklist the team's reviews use from now on.</summary>
    public sealed record Checklist(string Id) : TeamSetupCommand;

    /// <summary>"team cues es": the language the team's cue strips print in ("en", the cards' own, by default).</summary>
    public sealed record CueLanguage(string Code) : TeamSetupCommand;

    public sealed record Show : TeamSetupCommand
    {
        public override bool ChangesSetup => false;
    }

    public sealed record Join : TeamSetupCommand
    {
        public override bool ChangesSetup => false;
    }

    public sealed record Leave : TeamSetupCommand
    {
        public override bool ChangesSetup => false;
    }

    /// <summary>"team connect": this channel becomes the team its manager runs elsewhere (the studio), history and all.
    /// </summary>
    public sealed record Connect : TeamSetupCommand
    {
        public override bool ChangesSetup => false;
    }

    public sealed record Help : TeamSetupCommand
    {
        public override bool ChangesSetup => false;
    }

    /// <summary>Bad input, with what to type instead.</summary>
    public sealed record Invalid(string Reason) : TeamSetupCommand
    {
        public override bool ChangesSetup => false;
    }
}

public enum TeamEmojiRole { EmpathyWin, Recognition }

public static partial class TeamSetupParser
{
    public const int MaxValues = 10;
    public const int MaxValueLength = 80;

    /// <summary>True for "team ..." and "/practice team ...".</summary>
    public static bool IsTeamCommand(string text) => Words(text) is ["team", ..];

    public static TeamSetupCommand Parse(string text)
    {
        var rest = Rest(text, 1);
        var words = Words(text);
        var verb = words.Count > 1 ? words[1] : "help";
        var args = Rest(text, 2);
        return verb switch
        {
            "help" or "?" => new TeamSetupCommand.Help(),
            "show" or "settings" => new TeamSetupCommand.Show(),
            "join" => new TeamSetupCommand.Join(),
            "leave" => new TeamSetupCommand.Leave(),
            "connect" => new TeamSetupCommand.Connect(),
            "standup" => ParseStandup(Split(args)),
            "timezone" or "tz" or "zone" => ParseZone(args),
            "values" => ParseValues(args),
            "emoji" or "reaction" => ParseEmoji(Split(args)),
            "manager" => ParseManager(args),
            "newhire" or "new-hire" => ParseNewHire(args),
            "days" => ParseDays(args),
            "pairing" or "buddies" => ParsePairing(Split(args.ToLowerInvariant())),
            "celebration" or "celebrate" => ParseCelebration(Split(args.ToLowerInvariant())),
            "voice" => ParseVoice(Split(args)),
            "checklist" => Split(args) is [var id] ? new TeamSetupCommand.Checklist(id.ToLowerInvariant())
                : new TeamSetupCommand.Invalid("Name one checklist: “team checklist core”, or the id of one in your team's content."),
            "clips" => ParseClipRetention(Split(args.ToLowerInvariant())),
            "cues" => Split(args.ToLowerInvariant()) is [var code] ? new TeamSetupCommand.CueLanguage(code)
                : new TeamSetupCommand.Invalid("Name one language for the cue strips: “team cues es” (or en, fr, de)."),
            _ => new TeamSetupCommand.Invalid($"“{rest}” is not a team command I know."),
        };
    }

    /// <summary>An emoji as typed (":clap:") or as a reaction names it ("clap", Teams' "like"): a bare lower-case name.
    /// The channels drop their own decorations (Slack's skin tones) before Core sees the name.</summary>
    public static string? NormaliseEmoji(string raw)
    {
        var name = raw.Trim().Trim(':').ToLowerInvariant();
        return EmojiName().IsMatch(name) ? name : null;
    }

    private static TeamSetupCommand ParseStandup(List<string> words)
    {
        string? channel = null;
        TimeOnly? time = null;
        foreach (var word in words)
        {
            if (ChannelReference().Match(word) is { Success: true } c)
            {
                channel = c.Groups["id"].Value;
            }
            else if (ClockWords.TryParseClock(word, out var at))
            {
                time = at;
            }
            else
            {
                return new TeamSetupCommand.Invalid(
                    $"I couldn't read “{word}”. Try “team standup 09:15”, typed in the standup channel.");
            }
        }

        return new TeamSetupCommand.Standup(channel, time);
    }

    private static TeamSetupCommand ParseZone(string zone) =>
        TimeZoneNames.Find(zone) is { } found
            ? new TeamSetupCommand.TimeZone(found)
            : new TeamSetupCommand.Invalid($"“{zone}” is not a time zone I know. Use an IANA name such as Europe/London.");

    private static TeamSetupCommand ParseValues(string text)
    {
        var typed = text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return typed.Length == 0
            ? new TeamSetupCommand.Invalid("List the values separated by “;”, e.g. “team values Listen first; Own the outcome”.")
            : ValuesOf(typed);
    }

    /// <summary>A team's service values however they were entered (a channel command, the studio's form): trimmed, each
    /// once, at most <see cref="MaxValues"/> short phrases. None at all is a team without values.</summary>
    public static TeamSetupCommand ValuesOf(IEnumerable<string?> typed)
    {
        var items = typed.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (items.Any(v => v.Any(char.IsControl)))
        {
            return new TeamSetupCommand.Invalid("A value may not contain control characters.");
        }

        if (items.Count > MaxValues)
        {
            return new TeamSetupCommand.Invalid($"That's {items.Count} values; keep it to {MaxValues} or fewer so people remember them.");
        }

        var tooLong = items.FirstOrDefault(v => v.Length > MaxValueLength);
        return tooLong is null
            ? new TeamSetupCommand.Values(items)
            : new TeamSetupCommand.Invalid($"“{tooLong[..20]}…” is longer than {MaxValueLength} characters; a value is a short phrase.");
    }

    private static TeamSetupCommand ParseEmoji(List<string> words)
    {
        if (words.Count != 2)
        {
            return new TeamSetupCommand.Invalid("Try “team emoji win :sparkles:” or “team emoji recognition :clap:”.");
        }

        TeamEmojiRole? role = words[0].ToLowerInvariant() switch
        {
            "win" or "empathy" or "empathy-win" or "empathy_win" => TeamEmojiRole.EmpathyWin,
            "recognition" or "recognise" or "recognize" or "kudos" => TeamEmojiRole.Recognition,
            _ => null,
        };
        if (role is null)
        {
            return new TeamSetupCommand.Invalid($"“{words[0]}” is not an emoji role: use “win” or “recognition”.");
        }

        return NormaliseEmoji(words[1]) is { } name
            ? new TeamSetupCommand.Emoji(role.Value, name)
            : new TeamSetupCommand.Invalid(
                $"“{words[1]}” is not an emoji name. Use a Slack name like :clap: or a Teams reaction: like, heart, laugh, surprised, sad, angry.");
    }

    private static TeamSetupCommand ParseManager(string text)
    {
        var id = UserMention().Match(text) is { Success: true } m ? m.Groups["id"].Value : text.Trim();
        return id.Length == 0 || id.Contains(' ', StringComparison.Ordinal)
            ? new TeamSetupCommand.Invalid("Name one person by their user id, e.g. “team manager U0123ABC”.")
            : new TeamSetupCommand.Manager(id);
    }

    private static TeamSetupCommand ParseNewHire(string text)
    {
        var words = Split(text);
        var off = words.Count == 2 && words[1].Equals("off", StringComparison.OrdinalIgnoreCase);
        var who = off || words.Count == 1 ? words[0] : null;
        var id = who is null ? null : UserMention().Match(who) is { Success: true } m ? m.Groups["id"].Value : who;
        return id is { Length: > 0 }
            ? new TeamSetupCommand.NewHire(id, !off)
            : new TeamSetupCommand.Invalid("Name one member by their user id: “team newhire U0123ABC” (or “team newhire U0123ABC off”).");
    }

    private static TeamSetupCommand ParseDays(string text) =>
        ClockWords.ParseDays(Split(text)) is { Count: > 0 } days
            ? new TeamSetupCommand.Days(days)
            : new TeamSetupCommand.Invalid("Name the team's working days as a range or a list: “team days mon-fri” or “team days mon,tue,thu”.");

    private static TeamSetupCommand ParsePairing(List<string> words)
    {
        const string help = "Try “team pairing weekly”, “team pairing fortnightly mon 10:00” or “team pairing off”.";
        if (words.Count == 0 || !WireName.TryParse<Storage.PairingCadence>(words[0], out var cadence))
        {
            return new TeamSetupCommand.Invalid(help);
        }

        return TryDayAndTime(words.Skip(1), out var day, out var time)
            ? new TeamSetupCommand.Pairing(cadence, day, time)
            : new TeamSetupCommand.Invalid(help);
    }

    private static TeamSetupCommand ParseVoice(List<string> words)
    {
        const string help = "Try “team voice rule” (the built-in customer) or “team voice model” (a language model words the customer's lines).";
        return words switch
        {
            [var kind] when kind.Equals("rule", StringComparison.OrdinalIgnoreCase) => new TeamSetupCommand.Voice(VoiceKind.Rule, null),
            [var kind] when kind.Equals("model", StringComparison.OrdinalIgnoreCase) => new TeamSetupCommand.Voice(VoiceKind.Model, null),
            [var kind, var endpoint] when kind.Equals("model", StringComparison.OrdinalIgnoreCase) && TeamEndpointName.IsValid(endpoint) =>
                new TeamSetupCommand.Voice(VoiceKind.Model, endpoint),
            _ => new TeamSetupCommand.Invalid(help),
        };
    }

    private static TeamSetupCommand ParseCelebration(List<string> words)
    {
        const string help = "Try “team celebration fri 16:00” (the team's time zone) or “team celebration off”.";
        if (words is ["off"])
        {
            return new TeamSetupCommand.Celebration(null, null);
        }

        return words.Count > 0 && TryDayAndTime(words, out var day, out var time) && day is not null
            ? new TeamSetupCommand.Celebration(day, time)
            : new TeamSetupCommand.Invalid(help);
    }

    /// <summary>"team clips 30" or "team clips 30 days".</summary>
    private static TeamSetupCommand ParseClipRetention(List<string> words) =>
        words is [_] or [_, "days" or "day"]
        && int.TryParse(words[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
        && days is >= Clips.ClipLimits.MinRetentionDays and <= Clips.ClipLimits.MaxRetentionDays
            ? new TeamSetupCommand.ClipRetention(days)
            : new TeamSetupCommand.Invalid(
                $"Try “team clips 30”: the days voice clips are kept, from {Clips.ClipLimits.MinRetentionDays} to {Clips.ClipLimits.MaxRetentionDays}.");

    /// <summary>An optional weekday and an optional clock time, in any order.</summary>
    private static bool TryDayAndTime(IEnumerable<string> words, out DayOfWeek? day, out TimeOnly? time)
    {
        (day, time) = (null, null);
        foreach (var word in words)
        {
            if (day is null && ClockWords.ParseDays([word]) is { Count: 1 } single)
            {
                day = single.First();
            }
            else if (time is null && ClockWords.TryParseClock(word, out var at))
            {
                time = at;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> Split(string text) =>
        text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Lower-cased words without a leading "/practice".</summary>
    private static List<string> Words(string text)
    {
        var words = text.Trim().ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words is ["/practice", ..])
        {
            words.RemoveAt(0);
        }

        return words;
    }

    /// <summary>The original text after the first <paramref name="skip"/> words (and a leading "/practice").</summary>
    private static string Rest(string text, int skip)
    {
        var rest = text.Trim();
        if (rest.StartsWith("/practice", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest["/practice".Length..].TrimStart();
        }

        for (var i = 0; i < skip && rest.Length > 0; i++)
        {
            var space = rest.IndexOfAny([' ', '\t', '\n', '\r']);
            rest = space < 0 ? "" : rest[(space + 1)..].TrimStart();
        }

        return rest;
    }

    /// <summary>A channel named "#id" (the channels turn their own mention syntax into this).</summary>
    [GeneratedRegex(@"^#(?<id>\S+)$")]
    private static partial Regex ChannelReference();

    /// <summary>A person named "@id" (the channels turn their own mention syntax into this).</summary>
    [GeneratedRegex(@"^@(?<id>[^@\s]+)$")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"^[a-z0-9_+\-']{1,64}$")]
    private static partial Regex EmojiName();
}
