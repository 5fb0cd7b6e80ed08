using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.Core.PeerCoaching;

/// <summary>The engine's answer to each checklist behaviour, from the same turn log the rubric scores: yes when the
/// behaviour landed with the customer (in the order the behaviour asks for), partly when the agent showed it but it did
/// not land (or landed without its second half), no when it never showed, and no answer for a limit in a scene that
/// set none and where none was held.</summary>
public static class EngineView
{
    private const Behaviour Solving = Behaviour.NextStep | Behaviour.Collaboration;

    public static IReadOnlyDictionary<string, ChecklistAnswer?> Of(PeerChecklist checklist, SessionState state, Scenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(state);
        var fixedPolicy = scenario?.Constraints.Any(c => c.Kind == ConstraintKind.PolicyFixed) == true;
        return checklist.Behaviours.ToDictionary(b => b.Id, b => Judge(b.Signal, state.Turns, fixedPolicy), StringComparer.Ordinal);
    }

    public static ChecklistAnswer? Judge(EngineSignal signal, IReadOnlyList<TurnLog> turns, bool fixedPolicy) => signal switch
    {
        EngineSignal.FeelingNamed => Graded(turns, Behaviour.Empathy, turns.Any(t => Has(t.Landed, Behaviour.Empathy))),
        EngineSignal.OpenQuestionFirst => Graded(turns, Behaviour.OpenQuestion, OpenQuestionBeforeSolving(turns)),
        EngineSignal.SummaryChecked => Graded(turns, Behaviour.Summary, SummaryChecked(turns)),
        EngineSignal.TimedNextStep => Graded(turns, Behaviour.NextStep, turns.Any(t => t.Reaction == Reaction.PlanEcho)),
        EngineSignal.LimitWithoutBlame => LimitWithoutBlame(turns, fixedPolicy),
        _ => Graded(turns, Behaviour.Collaboration, turns.Any(t => Has(t.Landed, Behaviour.Collaboration))),
    };

    private static ChecklistAnswer Graded(IReadOnlyList<TurnLog> turns, Behaviour shown, bool fully) =>
        fully ? ChecklistAnswer.Yes : turns.Any(t => Has(t.Labels, shown)) ? ChecklistAnswer.Partly : ChecklistAnswer.No;

    /// <summary>An open question that landed in a message before the first one proposing a fix (or with none proposed).</summary>
    private static bool OpenQuestionBeforeSolving(IReadOnlyList<TurnLog> turns)
    {
        var firstSolving = turns.FirstOrDefault(t => (t.Labels & Solving) != 0)?.Turn ?? int.MaxValue;
        return turns.Any(t => Has(t.Landed, Behaviour.OpenQuestion) && t.Turn < firstSolving);
    }

    /// <summary>A summary that landed and was checked: the customer confirmed it, or the agent asked in the same message
    /// or the next.</summary>
    private static bool SummaryChecked(IReadOnlyList<TurnLog> turns)
    {
        for (var i = 0; i < turns.Count; i++)
        {
            if (turns[i].Reaction == Reaction.SummaryConfirmed
                || (Has(turns[i].Landed, Behaviour.Summary)
                    && (Has(turns[i].Labels, Behaviour.Confirmation) || (i + 1 < turns.Count && Has(turns[i + 1].Labels, Behaviour.Confirmation)))))
            {
                return true;
            }
        }

        return false;
    }

    private static ChecklistAnswer? LimitWithoutBlame(IReadOnlyList<TurnLog> turns, bool fixedPolicy)
    {
        var held = turns.Any(t => Has(t.Landed, Behaviour.Boundary));
        var shown = turns.Any(t => Has(t.Labels, Behaviour.Boundary));
        var blamed = turns.Any(t => Has(t.Labels, Behaviour.Blame));
        if (!shown)
        {
            return fixedPolicy ? ChecklistAnswer.No : null;
        }

        return held && !blamed ? ChecklistAnswer.Yes : ChecklistAnswer.Partly;
    }

    private static bool Has(Behaviour labels, Behaviour one) => (labels & one) != 0;
}
