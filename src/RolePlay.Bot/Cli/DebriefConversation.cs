using RolePlay.Core.Detection;
using RolePlay.Core;
using RolePlay.Core.Practice;

namespace RolePlay.Bot.Cli;

/// <summary>Walks the learner through the debrief in its layers: feelings, then observations, then one
/// commitment. On a terminal it waits for their answers; from a pipe it prints the layers.</summary>
internal sealed class DebriefConversation(TextReader input, TextWriter screen, bool interactive)
{
    public void Run(PracticeReport report)
    {
        screen.WriteLine();
        screen.WriteLine($"— The scene ended: {WireName.Of(report.Outcome)}. Customer frustration {report.FinalMood.Frustration}/10, trust {report.FinalMood.Trust}/10.");
        if (!report.Scored)
        {
            screen.WriteLine("Nothing was scored. Come back whenever you like.");
            return;
        }

        screen.WriteLine();
        screen.WriteLine("1. Feelings first");
        foreach (var prompt in report.Debrief.FeelingsPrompts)
        {
            Ask(prompt);
        }

        screen.WriteLine();
        screen.WriteLine("2. What happened");
        foreach (var observation in report.Debrief.Observations)
        {
            screen.WriteLine($"   • {observation}");
        }

        foreach (var missed in report.Debrief.MissedMoments)
        {
            screen.WriteLine($"   ◦ missed: {missed}");
        }

        foreach (var (criterion, result) in report.Success)
        {
            screen.WriteLine($"   {(result.Met ? "✓" : "✗")} {SuccessCriterionText.Describe(criterion)}{(result.Turn is { } turn ? $" (turn {turn})" : "")}");
        }

        foreach (var score in report.Rubric)
        {
            screen.WriteLine($"   {RubricCriterionText.Describe(score.Criterion)}: {score.Score}/{RubricScore.Max}");
            foreach (var evidence in score.Evidence)
            {
                var label = evidence.Label == Behaviour.None ? "" : $" ({BehaviourText.Describe(evidence.Label)})";
                screen.WriteLine($"      {(evidence.Cost ? "cost, " : "")}turn {evidence.Turn}: “{evidence.Phrase}”{label}");
            }

            if (score.NextLevel is { } next)
            {
                screen.WriteLine($"      next point: {next}");
            }
        }

        screen.WriteLine();
        screen.WriteLine("3. One commitment for your next shift");
        var suggestions = report.Debrief.CommitmentSuggestions;
        for (var i = 0; i < suggestions.Count; i++)
        {
            screen.WriteLine($"   {i + 1}. {suggestions[i]}");
        }

        // A number takes that suggestion, as one tap does on a card.
        var commitment = Ask($"{report.Debrief.CommitmentPrompt} (type a number to take a suggestion, or your own words)");
        if (int.TryParse(commitment?.Trim(), out var pick) && pick >= 1 && pick <= suggestions.Count)
        {
            commitment = suggestions[pick - 1];
        }

        if (!string.IsNullOrWhiteSpace(commitment))
        {
            screen.WriteLine($"Noted: “{commitment.Trim()}”. Try it on your next shift.");
        }
    }

    private string? Ask(string prompt)
    {
        screen.WriteLine($"   {prompt}");
        if (!interactive)
        {
            return null;
        }

        screen.Write("   › ");
        return input.ReadLine();
    }
}
