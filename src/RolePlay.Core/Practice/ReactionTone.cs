using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>How a reaction lands for the customer: pleased by what the agent did, or pushing back. The voice's leads
/// and the customer's manner both follow it.</summary>
internal static class ReactionTone
{
    /// <summary>Reactions to something the agent did well: an easing lead ("Oh good.") fits before them.</summary>
    public static readonly IReadOnlySet<Reaction> Pleased = new HashSet<Reaction>
    {
        Reaction.FeelingNamed, Reaction.SummaryConfirmed, Reaction.NextStepAccepted, Reaction.CollaborationWelcomed,
        Reaction.BoundaryAccepted, Reaction.AnswersChoice, Reaction.PlanEcho, Reaction.PlanHolds,
        Reaction.OutageDisclosed, Reaction.PlainThanks,
    };

    /// <summary>Reactions that push back: a tense lead ("Sorry, but...") fits before them.</summary>
    public static readonly IReadOnlySet<Reaction> Displeased = new HashSet<Reaction>
    {
        Reaction.BoundaryPushback, Reaction.ExceptionPush, Reaction.Blamed, Reaction.Dismissed, Reaction.Unheard,
        Reaction.RepeatsFeeling, Reaction.CorrectsSummary, Reaction.WantsSpecifics, Reaction.TooLong,
        Reaction.Repeated, Reaction.Canned, Reaction.OffTopic, Reaction.NeedsTime,
    };
}
