namespace RolePlay.Core.Content;

/// <summary>A peer coaching checklist: five to seven behaviours a teammate can see in a practice, each answered yes,
/// partly or no, then one line on what landed and one to try next time. Each behaviour names the
/// <see cref="EngineSignal"/> the engine judges it by, so a coach can see where peers and the rubric agree.</summary>
public sealed record PeerChecklist(string Id, string Title, IReadOnlyList<ChecklistBehaviour> Behaviours, string Source = "")
{
    public const int MinBehaviours = 5;
    public const int MaxBehaviours = 7;
    public const int MaxTextChars = 90;
    public const string Shipped = "core";
}

/// <summary>One observable behaviour in plain words ("Named the customer's feeling in their words").</summary>
public sealed record ChecklistBehaviour(string Id, string Text, EngineSignal Signal);

/// <summary>What the engine can say about a finished practice in the checklist's terms (YAML <c>engine:</c> names):
/// feeling_named, open_question_first, summary_checked, timed_next_step, limit_without_blame, solved_together.</summary>
public enum EngineSignal { FeelingNamed, OpenQuestionFirst, SummaryChecked, TimedNextStep, LimitWithoutBlame, SolvedTogether }
