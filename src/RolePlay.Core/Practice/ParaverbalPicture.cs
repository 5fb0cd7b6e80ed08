using System.Globalization;
using System.Text.RegularExpressions;
using RolePlay.Core.Content;
using RolePlay.Core.Text;

namespace RolePlay.Core.Practice;

/// <summary>The agent's own paraverbal picture for the debrief, from the timestamps and the words only: how long each
/// answer took against what it answered, its length against what the customer takes in, stacked questions,
/// exclamation marks and emoji, and formal words to a customer who writes casually. Observations, never scores, and
/// nothing is claimed about feelings.</summary>
internal static partial class ParaverbalPicture
{
    public const string Limits = "From the timestamps and the words only: nothing here is read from how you typed or how you felt.";

    /// <summary>Questions in one message from which they stack up.</summary>
    private const int StackedQuestions = 3;

    /// <summary>A pause this long before answering is a silence to the customer; to a hurried one, half of it.</summary>
    private static readonly TimeSpan LongSilence = TimeSpan.FromSeconds(90);

    public static IReadOnlyList<string> Of(SessionState state, Persona persona)
    {
        var name = persona.Name.Split(' ')[0];
        var silence = persona.Needs.Pace == Pace.Hurried ? LongSilence / 2 : LongSilence;
        var lines = new List<string>();
        var transcript = state.Transcript;
        var turn = 0;
        var casual = 0;
        var customerLines = 0;
        string? formal = null;
        for (var i = 0; i < transcript.Count; i++)
        {
            var line = transcript[i];
            if (line is { Speaker: Speaker.Customer, Seen.Length: > 0 })
            {
                customerLines++;
                casual += Casual().IsMatch(line.Seen) ? 1 : 0;
                continue;
            }

            if (line.Speaker != Speaker.Agent)
            {
                continue;
            }

            turn++;
            formal ??= Formal().Match(line.Text) is { Success: true } m ? m.Value : null;
            if (Answered(transcript, i) is { } answered && line.At is { } at && answered.At is { } asked)
            {
                // The platform's clock and this host's may differ by a little: never a negative wait.
                var took = at > asked ? at - asked : TimeSpan.Zero;
                lines.Add(Turn(turn, name, answered, line.Text, took, silence, persona.Needs.MaxWords));
            }
        }

        if (formal is not null && customerLines > 0 && casual * 2 >= customerLines)
        {
            lines.Add($"{name} wrote casually; your words were formal (\"{formal}\"), which can read as distance.");
        }

        return lines.Count == 0 ? [] : [.. lines, Limits];
    }

    /// <summary>What the agent's message at <paramref name="agent"/> answered: the customer's last lines before it, joined,
    /// whether they voiced the customer's worry, and when the agent could start answering: the latest line since their
    /// previous message (a "Resumed" after a pause restarts the clock).</summary>
    private static (string Words, DateTimeOffset? At, bool Worry)? Answered(List<Utterance> transcript, int agent)
    {
        var end = agent - 1;
        while (end >= 0 && transcript[end] is not { Speaker: Speaker.Customer, Seen.Length: > 0 })
        {
            if (transcript[end].Speaker == Speaker.Agent)
            {
                return null;
            }

            end--;
        }

        if (end < 0)
        {
            return null;
        }

        var start = end;
        while (start > 0 && transcript[start - 1].Speaker == Speaker.Customer)
        {
            start--;
        }

        var said = transcript.GetRange(start, end - start + 1).Where(u => u.Seen.Length > 0).ToList();
        var worry = said.Any(u => u.Reaction is { } r && (r == Reaction.Opening || SceneRules.VoicesFeeling(r)));
        var since = transcript.GetRange(start, agent - start).Max(u => u.At);
        return (string.Join(" ", said.Select(u => u.Seen)), since, worry);
    }

    private static string Turn(int turn, string name, (string Words, DateTimeOffset? At, bool Worry) answered, string agentText,
        TimeSpan took, TimeSpan silence, int comfortable)
    {
        var words = Words.Count(agentText);
        var what = answered.Worry ? "worry" : "message";
        var line = $"turn {turn}: you answered {name}'s {Words.Count(answered.Words)}-word {what} in {Duration(took)} with {words} {(words == 1 ? "word" : "words")}";
        var notes = new List<string>(4);
        if (took >= silence && answered.Worry)
        {
            notes.Add($"a long silence after {name} voiced a worry");
        }

        if (words > comfortable)
        {
            notes.Add($"more than the {comfortable} words {name} takes in comfortably");
        }

        var questions = agentText.Count(c => c == '?');
        if (questions >= StackedQuestions)
        {
            notes.Add($"{questions} questions in one message");
        }

        var exclamations = agentText.Count(c => c == '!');
        if (exclamations >= 2)
        {
            notes.Add($"{exclamations} exclamation marks");
        }

        if (Emoji.In(agentText))
        {
            notes.Add("an emoji");
        }

        return notes.Count == 0 ? line + "." : $"{line}: {string.Join("; ", notes)}.";
    }

    private static string Duration(TimeSpan took) => took.TotalSeconds switch
    {
        < 1 => "under a second",
        < 1.5 => "1 second",
        < 90 => $"{(int)Math.Round(took.TotalSeconds)} seconds",
        < 5400 => $"{(int)Math.Round(took.TotalMinutes)} minutes",
        _ => string.Create(CultureInfo.InvariantCulture, $"{took.TotalHours:0.#} hours"),
    };

    /// <summary>Writing that is casual: slang, or a message that begins in lower case.</summary>
    [GeneratedRegex(@"^[a-z]|\b(lol|ngl|pls|plz|omg|u|ur|gonna|wanna|kinda|yo|hey|bet)\b", RegexOptions.None, 1000)]
    private static partial Regex Casual();

    [GeneratedRegex(@"\b(Dear (Sir|Madam|Customer)|Kindly|Please be advised|We regret|We apologi[sz]e for any inconvenience|Rest assured|Pursuant to|Sincerely)\b",
        RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Formal();
}
