using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Debriefing;

/// <summary>The layered debrief, in the method's order: feelings before observations, then one commitment.</summary>
public static class DebriefCards
{
    /// <summary>Layer one: feelings first, before any score is shown.</summary>
    public static Card DebriefFeelings(string sessionId, PracticeReport report) => new(
        "debrief.feelings",
        "How did that feel?",
        [
            new TextBlock(OutcomeSentence(report)),
            .. report.Debrief.FeelingsPrompts.Select(p => new TextBlock(p)),
            new RatingInput(Inputs.FeelingRating, "How comfortable did you feel? (1 = very uneasy, 5 = at ease)", Required: true),
            new TextInput(Inputs.FeelingWords, "In a few words (optional, private to you)", Multiline: true, MaxLength: CommonCards.MaxReflectionLength),
        ],
        [new SubmitAction("Next", CardVerbs.DebriefFeelings, CommonCards.SessionData(sessionId), ActionStyle.Positive)]);

    /// <summary>Layer two: what happened — the phrases that landed, the moments missed, the rubric with its evidence.</summary>
    public static Card DebriefObservations(PracticeReport report)
    {
        var body = new List<CardElement> { new TextBlock("What happened", TextStyle.Heading) };
        body.AddRange(report.Debrief.Observations.Select(o => new TextBlock(o)));
        if (report.Debrief.MissedMoments.Count > 0)
        {
            body.Add(new TextBlock("Moments to catch next time", TextStyle.Heading));
            body.AddRange(report.Debrief.MissedMoments.Select(m => new TextBlock(m)));
        }

        if (report.Debrief.Writing.Count > 0)
        {
            body.Add(new TextBlock("How you wrote", TextStyle.Heading));
            body.AddRange(report.Debrief.Writing.Select(w => new TextBlock(w, TextStyle.Subtle)));
        }

        body.Add(new FactSet(report.Success
            .Select(s => new Fact(SuccessCriterionText.Describe(s.Key), s.Value.Met ? $"met (turn {s.Value.Turn})" : "not yet"))
            .ToArray()));
        foreach (var score in report.Rubric)
        {
            body.Add(new TextBlock($"{RubricCriterionText.Describe(score.Criterion)}: {score.Score}/{RubricScore.Max}", TextStyle.Heading));
            body.AddRange(score.Evidence.Select(e => new TextBlock(Quote(e), TextStyle.Quote)));
            if (score.NextLevel is { } next)
            {
                body.Add(new TextBlock($"Next point: {next}", TextStyle.Subtle));
            }
        }

        return new Card("debrief.observations", null, body, []);
    }

    /// <summary>Layer three: one commitment for the next shift, asked about a week later. The buddy is named only to a
    /// person who has one (<paramref name="buddies"/>, null or empty: none).</summary>
    public static Card DebriefCommitment(string sessionId, PracticeReport report, string? buddies) => new(
        "debrief.commitment",
        "One thing for your next shift",
        [
            new TextBlock(string.IsNullOrEmpty(buddies)
                ? report.Debrief.CommitmentPrompt
                : $"{report.Debrief.CommitmentPrompt.TrimEnd('.')}, and tell {buddies} which one."),
            new TextInput(Inputs.Commitment, "In your own words: I will…", "e.g. name the customer's feeling before I offer a fix",
                MaxLength: CommonCards.MaxReflectionLength),
        ],
        [
            new SubmitAction("Commit", CardVerbs.DebriefCommit, CommonCards.SessionData(sessionId), ActionStyle.Positive),
            // One tap takes a suggestion; words of the learner's own, if typed, still win.
            .. report.Debrief.CommitmentSuggestions.Select(suggestion => new SubmitAction(suggestion, CardVerbs.DebriefCommit,
                new Dictionary<string, string> { [Inputs.Session] = sessionId, [Inputs.SuggestedCommitment] = suggestion })),
        ]);

    /// <summary>A rubric quote as a coach reads it out: the turn, the words, what they showed or cost.</summary>
    private static string Quote(RubricEvidence evidence)
    {
        var what = evidence.Label == Behaviour.None ? "" : $" ({BehaviourText.Describe(evidence.Label)})";
        return evidence.Cost
            ? $"Cost a point, turn {evidence.Turn}: \"{evidence.Phrase}\"{what}"
            : $"Turn {evidence.Turn}: \"{evidence.Phrase}\"{what}";
    }

    private static string OutcomeSentence(PracticeReport report) => report.Outcome switch
    {
        SessionOutcome.Resolved => "The customer left with their problem in hand.",
        SessionOutcome.Escalated => "The customer asked for someone else. That happens — it is practice.",
        _ => "The scene ended before the customer was settled.",
    };
}
