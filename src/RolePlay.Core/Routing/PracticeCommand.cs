using RolePlay.Core.Practice;

namespace RolePlay.Core.Routing;

/// <summary>What a person asked for in words: "time 09:30", "/practice days mon,wed,fri", "pause until 2026-12-01".
/// The same words work in a Teams chat, a Slack slash command and the studio.</summary>
public abstract record PracticeCommand
{
    public sealed record Help(string? Topic = null) : PracticeCommand;
    public sealed record Start(string? ScenarioId) : PracticeCommand;
    /// <summary>Pause daily prompts until a date (inclusive), or indefinitely.</summary>
    public sealed record Pause(DateOnly? Until) : PracticeCommand;
    public sealed record Resume : PracticeCommand;
    /// <summary>Opt out of everything; nothing more is sent until the person opts in again.</summary>
    public sealed record OptOut : PracticeCommand;
    public sealed record OptIn : PracticeCommand;
    public sealed record SetTime(TimeOnly Time) : PracticeCommand;
    public sealed record SetDays(IReadOnlySet<DayOfWeek> Days) : PracticeCommand;
    public sealed record SetIntensity(Intensity Intensity) : PracticeCommand;
    public sealed record SetTimeZone(string TimeZoneId) : PracticeCommand;
    public sealed record Settings : PracticeCommand;
    /// <summary>"shift 17:30": when the person's shift ends (the end-of-shift phrase card); null = "shift off".</summary>
    public sealed record SetShiftEnd(TimeOnly? End) : PracticeCommand;
    /// <summary>"no-pair @someone": never pair me with them; <see cref="UserId"/> null = "no-pair clear".</summary>
    public sealed record NoPair(string? UserId) : PracticeCommand;
    /// <summary>A manager's team set-up; <see cref="Arguments"/> are the words after "team".</summary>
    public sealed record Team(IReadOnlyList<string> Arguments) : PracticeCommand;
    /// <summary>"/end" or "/pause" typed while no practice runs: the scene controls have nothing to act on.</summary>
    public sealed record NoPractice : PracticeCommand;
    /// <summary>Words that are no command; the answer is help, never an error.</summary>
    public sealed record Unknown(string Text, string Reason) : PracticeCommand;
}
