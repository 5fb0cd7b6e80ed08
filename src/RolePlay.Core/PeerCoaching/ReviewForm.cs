using RolePlay.Core.Content;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.PeerCoaching;

/// <summary>A submitted checklist, read and checked: every behaviour answered yes, partly or no, and "what landed"
/// written before anything else is taken — a review opens with what worked, so it is kind by construction.
/// <see cref="Answers"/> is null when anything was refused; <see cref="Errors"/> then says why, per input.</summary>
public sealed record ReviewForm(
    IReadOnlyDictionary<string, ChecklistAnswer>? Answers,
    string? Landed,
    string? TryNext,
    IReadOnlyDictionary<string, string> Errors)
{
    public static ReviewForm Read(PeerChecklist checklist, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var answers = new Dictionary<string, ChecklistAnswer>(StringComparer.Ordinal);
        foreach (var behaviour in checklist.Behaviours)
        {
            var input = Inputs.ChecklistPrefix + behaviour.Id;
            if (WireName.TryParse<ChecklistAnswer>(values.GetValueOrDefault(input)?.Trim(), out var answer))
            {
                answers[behaviour.Id] = answer;
            }
            else
            {
                errors[input] = "Choose yes, partly or no.";
            }
        }

        var landed = Line(values, Inputs.Landed);
        var next = Line(values, Inputs.TryNext);
        if (landed is null)
        {
            errors[Inputs.Landed] = next is null
                ? "Write one thing that landed: what they said or did that worked."
                : "Start with what landed: one thing that worked, before what to try next.";
        }
        else if (landed.Length > ChecklistCards.MaxLineLength)
        {
            errors[Inputs.Landed] = $"Keep it to one line, under {ChecklistCards.MaxLineLength} characters.";
        }

        if (next is { Length: > ChecklistCards.MaxLineLength })
        {
            errors[Inputs.TryNext] = $"Keep it to one line, under {ChecklistCards.MaxLineLength} characters.";
        }

        return errors.Count == 0 ? new ReviewForm(answers, landed, next, errors) : new ReviewForm(null, null, null, errors);
    }

    private static string? Line(IReadOnlyDictionary<string, string> values, string input) =>
        values.GetValueOrDefault(input) is { } text && !string.IsNullOrWhiteSpace(text) ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;
}
