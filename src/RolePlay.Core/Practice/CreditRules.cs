using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice.Reading;

namespace RolePlay.Core.Practice;

/// <summary>Which needs of the customer one turn met, as the rubric counts them: each need once, so a behaviour
/// repeated earns nothing more, and a recital that answered nothing earns nothing. What a turn cost is recorded
/// the same way, with negative points.</summary>
internal static class CreditRules
{
    public static class Needs
    {
        public const string Feeling = "feeling";
        public const string TheirFeeling = "their-feeling";
        public const string Story = "story";
        public const string Checked = "checked";
        public const string Summary = "summary";
        public const string SummaryAccurate = "summary-accurate";
        public const string SummaryChecked = "summary-checked";
        public const string Choice = "choice";
        public const string Plan = "plan";
        public const string PlanSpecific = "plan-specific";
        public const string Shared = "shared";
        public const string ValuePrefix = "value:";
        public const string CostPrefix = "cost:";
    }

    public static List<RubricCredit> For(int turn, string text, TurnReading r, TurnDecision decision, ServiceValues values)
    {
        var credits = new List<RubricCredit>(4);
        var landed = decision.Landed;
        void Earn(RubricCriterion criterion, string need, Behaviour label, int points = 1) =>
            credits.Add(new(criterion, need, turn, label, r.Phrase(label, text), points));

        if ((landed & Behaviour.Empathy) != 0)
        {
            Earn(RubricCriterion.ActiveListening, Needs.Feeling, Behaviour.Empathy);
            if (r.EmpathyNamesTheirs)
            {
                Earn(RubricCriterion.ActiveListening, Needs.TheirFeeling, Behaviour.Empathy);
            }
        }

        if (decision.Fact is not null && r.AsksTheirStory)
        {
            Earn(RubricCriterion.ActiveListening, Needs.Story, Behaviour.OpenQuestion);
        }

        if ((landed & Behaviour.Confirmation) != 0 && r.Responsive)
        {
            Earn(RubricCriterion.ActiveListening, Needs.Checked, Behaviour.Confirmation);
        }

        if ((landed & Behaviour.Summary) != 0)
        {
            Earn(RubricCriterion.ClarityOfSummary, Needs.Summary, Behaviour.Summary, points: 2);
            if (decision.Reaction == Reaction.SummaryConfirmed || r.Summary == SummaryCheck.Accurate)
            {
                Earn(RubricCriterion.ClarityOfSummary, Needs.SummaryAccurate, Behaviour.Summary);
            }

            if ((landed & Behaviour.Confirmation) != 0)
            {
                Earn(RubricCriterion.ClarityOfSummary, Needs.SummaryChecked, Behaviour.Confirmation);
            }
        }

        if (decision.Reaction is Reaction.AnswersChoice or Reaction.AsksAboutChoice)
        {
            Earn(RubricCriterion.CollaborativeProblemShaping, Needs.Choice,
                (landed & Behaviour.Collaboration) != 0 ? Behaviour.Collaboration : Behaviour.OpenQuestion);
        }

        if ((landed & Behaviour.NextStep) != 0 && decision.Reaction != Reaction.PlanHolds)
        {
            Earn(RubricCriterion.CollaborativeProblemShaping, Needs.Plan, Behaviour.NextStep);
            if (decision.Reaction == Reaction.PlanEcho && r.Responsive)
            {
                Earn(RubricCriterion.CollaborativeProblemShaping, Needs.PlanSpecific, Behaviour.NextStep);
            }
        }

        if (decision.Reaction == Reaction.BoundaryAccepted)
        {
            Earn(RubricCriterion.CollaborativeProblemShaping, Needs.Shared, Behaviour.Boundary);
        }
        else if ((landed & Behaviour.Collaboration) != 0 && decision.Reaction == Reaction.CollaborationWelcomed)
        {
            Earn(RubricCriterion.CollaborativeProblemShaping, Needs.Shared, Behaviour.Collaboration);
        }

        var clean = (r.Labels & ReactionPolicy.Harmful) == 0 && !r.Recital && !r.Repeated;
        foreach (var value in values.Values)
        {
            var shown = landed & value.EmbodiedBy;
            if (clean && ((r.Responsive && shown != Behaviour.None) || value.PhraseList.Any(p => TextMatch.ContainsWord(text, p))))
            {
                var label = shown != Behaviour.None ? First(shown) : Behaviour.None;
                credits.Add(new(RubricCriterion.AlignmentWithValues, Needs.ValuePrefix + value.Name, turn, label,
                    label == Behaviour.None ? text : r.Phrase(label, text), 1));
            }
        }

        Costs(turn, text, r, credits);
        return credits;
    }

    private static void Costs(int turn, string text, TurnReading r, List<RubricCredit> credits)
    {
        void Cost(RubricCriterion criterion, string need, Behaviour label) =>
            credits.Add(new(criterion, $"{Needs.CostPrefix}{need}:{turn}", turn, label, r.Phrase(label, text), -1));

        if (r.Has(Behaviour.Dismissive))
        {
            Cost(RubricCriterion.ActiveListening, "dismissive", Behaviour.Dismissive);
            Cost(RubricCriterion.AlignmentWithValues, "dismissive", Behaviour.Dismissive);
        }

        if (r.Has(Behaviour.Blame))
        {
            Cost(RubricCriterion.AlignmentWithValues, "blame", Behaviour.Blame);
            Cost(RubricCriterion.CollaborativeProblemShaping, "blame", Behaviour.Blame);
        }

        if (r.Repeated || r.Recital)
        {
            // Once per session: the need "not to be talked past" is either met or not.
            credits.Add(new(RubricCriterion.ActiveListening, Needs.CostPrefix + "not-listening", turn, Behaviour.None, text, -1));
        }
    }

    public static Behaviour First(Behaviour set)
    {
        foreach (var single in BehaviourNames.All)
        {
            if ((set & single) != 0)
            {
                return single;
            }
        }

        return Behaviour.None;
    }
}
