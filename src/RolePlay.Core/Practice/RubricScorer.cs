using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>Scores the four criteria 0–4 from the needs each turn met (<see cref="RubricCredit"/>): a need earns
/// once, however often the behaviour is repeated, and each cost is one turn's harm. Every point quotes the agent's
/// exact phrase, and each criterion below 4 says what would have earned the next point.</summary>
internal static class RubricScorer
{
    private static readonly (RubricCriterion Criterion, string Need, string Hint)[] Ladder =
    [
        (RubricCriterion.ActiveListening, CreditRules.Needs.Feeling, "Name the feeling you hear in your first reply (\"that sounds really worrying\")."),
        (RubricCriterion.ActiveListening, CreditRules.Needs.TheirFeeling, "Name their feeling in their own words and situation, not a stock phrase (\"missing his birthday would be gutting\")."),
        (RubricCriterion.ActiveListening, CreditRules.Needs.Story, "Ask one open question about their situation before solving (\"what's happened so far?\")."),
        (RubricCriterion.ActiveListening, CreditRules.Needs.Checked, "Check you have understood (\"have I got that right?\") after a summary or a plan."),
        (RubricCriterion.ClarityOfSummary, CreditRules.Needs.Summary, "Summarise their facts in one sentence before you solve."),
        (RubricCriterion.ClarityOfSummary, CreditRules.Needs.SummaryAccurate, "Get their details right in the summary and include their main worry."),
        (RubricCriterion.ClarityOfSummary, CreditRules.Needs.SummaryChecked, "End the summary with a check (\"is that right?\")."),
        (RubricCriterion.CollaborativeProblemShaping, CreditRules.Needs.Plan, "Agree one concrete next step."),
        (RubricCriterion.CollaborativeProblemShaping, CreditRules.Needs.PlanSpecific, "Say who does what by when, by a channel they can use (\"I'll email you by 4pm today\")."),
        (RubricCriterion.CollaborativeProblemShaping, CreditRules.Needs.Choice, "Offer two real options and let them choose."),
        (RubricCriterion.CollaborativeProblemShaping, CreditRules.Needs.Shared, "Invite them to decide with you, or hold a limit with care and an alternative."),
    ];

    public static IReadOnlyList<RubricScore> Score(IReadOnlyList<TurnLog> turns, ServiceValues values)
    {
        var credits = turns.SelectMany(t => t.CreditList).ToList();
        return
        [
            ByNeeds(RubricCriterion.ActiveListening, credits),
            Values(credits, values),
            ByNeeds(RubricCriterion.ClarityOfSummary, credits),
            ByNeeds(RubricCriterion.CollaborativeProblemShaping, credits),
        ];
    }

    private static RubricScore ByNeeds(RubricCriterion criterion, List<RubricCredit> all)
    {
        var credits = all.Where(c => c.Criterion == criterion).ToList();
        var met = FirstPerNeed(credits.Where(c => c.Points > 0));
        var costs = FirstPerNeed(credits.Where(c => c.Points < 0));
        var score = Math.Clamp(met.Sum(c => c.Points) + costs.Sum(c => c.Points), 0, RubricScore.Max);
        var hint = score < RubricScore.Max
            ? Ladder.FirstOrDefault(step => step.Criterion == criterion && met.All(c => c.Need != step.Need)).Hint
              ?? (costs.Count > 0 ? "Drop what cost points (quoted above) and the score follows." : null)
            : null;
        return new(criterion, score, Quotes(met, costs), hint);
    }

    private static RubricScore Values(List<RubricCredit> all, ServiceValues values)
    {
        var credits = all.Where(c => c.Criterion == RubricCriterion.AlignmentWithValues).ToList();
        var met = FirstPerNeed(credits.Where(c => c.Points > 0));
        var costs = FirstPerNeed(credits.Where(c => c.Points < 0));
        var shown = (int)Math.Round(RubricScore.Max * (double)met.Count / values.Values.Count, MidpointRounding.AwayFromZero);
        var score = Math.Clamp(shown + costs.Sum(c => c.Points), 0, RubricScore.Max);
        var missing = values.Values.FirstOrDefault(v => met.All(c => c.Need != CreditRules.Needs.ValuePrefix + v.Name));
        var hint = score >= RubricScore.Max ? null
            : missing is not null ? $"Show \"{missing.Name}\" in what you say to the customer."
            : "Drop what cost points (quoted above) and the score follows.";
        return new(RubricCriterion.AlignmentWithValues, score, Quotes(met, costs), hint);
    }

    private static List<RubricCredit> FirstPerNeed(IEnumerable<RubricCredit> credits) =>
        credits.GroupBy(c => c.Need).Select(g => g.First()).ToList();

    /// <summary>Each phrase once: two needs met by one sentence quote it once, and a whole message is not quoted
    /// beside a sentence of it; the sentence is the sharper quote.</summary>
    private static List<RubricEvidence> Quotes(List<RubricCredit> met, List<RubricCredit> costs)
    {
        var quotes = new List<RubricEvidence>(met.Count + costs.Count);
        foreach (var credit in met.OrderBy(c => c.Turn).Concat(costs.OrderBy(c => c.Turn)))
        {
            var cost = credit.Points < 0;
            var overlapping = quotes.FindIndex(q => q.Turn == credit.Turn && q.Cost == cost &&
                (q.Phrase.Contains(credit.Phrase, StringComparison.Ordinal) || credit.Phrase.Contains(q.Phrase, StringComparison.Ordinal)));
            var quote = new RubricEvidence(credit.Turn, credit.Label, credit.Phrase, cost);
            if (overlapping < 0)
            {
                quotes.Add(quote);
            }
            else if (credit.Phrase.Length < quotes[overlapping].Phrase.Length)
            {
                quotes[overlapping] = quote;
            }
        }

        return quotes;
    }
}
