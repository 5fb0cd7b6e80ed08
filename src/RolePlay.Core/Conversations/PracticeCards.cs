using RolePlay.Core.Cards;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using Inputs = RolePlay.Core.Conversations.CardVerbs.Inputs;

namespace RolePlay.Core.Conversations;

/// <summary>The practice cards, authored once for every channel. Wording follows the method: consent first,
/// safety signals always visible, feelings before observations, one commitment.</summary>
public static class PracticeCards
{
    public const int MaxReflectionLength = 1000;

    public static Card Welcome() => new(
        "welcome",
        "Welcome to RolePlay",
        [
            new TextBlock("A few minutes of empathy practice, inside your chat: short role-plays with a customer, and a debrief that helps you notice what worked."),
            new TextBlock("If you join, I'll send one short practice prompt on your working days at a time you choose. You can pause or stop at any time, without penalty, and nothing is scored when you do."),
            new TextBlock("Your reflections stay private to you.", TextStyle.Subtle),
        ],
        [
            new SubmitAction("Yes, I'm in", CardVerbs.OptIn, ActionStyle.Positive),
            new SubmitAction("Not now", CardVerbs.OptOut),
        ]);

    /// <summary>Pick a scenario and an intensity; the brief of each scenario is shown before it starts.</summary>
    public static Card ScenarioPicker(ContentCatalog catalog, Intensity current)
    {
        var choices = catalog.Scenarios.Values
            .OrderBy(s => s.Title, StringComparer.Ordinal)
            .Select(s => new Choice($"{s.Title} — {PersonaName(catalog, s.PersonaId)}", s.Id))
            .ToArray();
        return new Card(
            "practice.pick",
            "Choose a practice",
            [
                new ChoiceInput(Inputs.Scenario, "Scenario", choices, Value: choices.FirstOrDefault()?.Value, Required: true),
                IntensityInput(current),
                new TextBlock("You can pause or stop at any moment; nothing is scored if you do.", TextStyle.Subtle),
            ],
            [new SubmitAction("Start", CardVerbs.Start, ActionStyle.Positive)]);
    }

    /// <summary>Who the customer is and what success looks like, before the scene starts.</summary>
    public static Card Brief(Scenario scenario, Persona persona) => new(
        "practice.brief",
        scenario.Title,
        [
            new TextBlock(scenario.Brief),
            new FactSet(
            [
                new Fact("Customer", $"{persona.Name}, {persona.Age}"),
                new Fact("Background", persona.Culture),
                new Fact("Access needs", persona.Accessibility),
                new Fact("Device", $"{WireName.Of(persona.Artifacts.Device).Replace('_', ' ')}, {WireName.Of(persona.Artifacts.Network)} network"),
                new Fact("Success looks like", string.Join("; ", scenario.Success.Select(SuccessCriterionText.Describe))),
                new Fact("Constraints", scenario.Constraints.Count == 0 ? "none" : string.Join("; ", scenario.Constraints.Select(c => c.Description))),
            ]),
        ],
        []);

    /// <summary>Always within reach during a scene: pause, stop (never scored) and end (get the debrief).</summary>
    public static Card SceneControls(string sessionId) => new(
        "practice.controls",
        null,
        [new TextBlock("Type your reply to the customer. Pause or stop whenever you need to.", TextStyle.Subtle)],
        [
            new SubmitAction("Pause", CardVerbs.Pause, SessionData(sessionId)),
            new SubmitAction("Stop (no score)", CardVerbs.Stop, SessionData(sessionId), ActionStyle.Destructive),
            new SubmitAction("End and debrief", CardVerbs.End, SessionData(sessionId)),
        ]);

    /// <summary>Layer one: feelings first, before any score is shown.</summary>
    public static Card DebriefFeelings(string sessionId, PracticeReport report) => new(
        "debrief.feelings",
        "How did that feel?",
        [
            new TextBlock(OutcomeSentence(report)),
            .. report.Debrief.FeelingsPrompts.Select(p => new TextBlock(p)),
            new RatingInput(Inputs.FeelingRating, "How comfortable did you feel? (1 = very uneasy, 5 = at ease)", Required: true),
            new TextInput(Inputs.FeelingWords, "In a few words (optional, private to you)", Multiline: true, MaxLength: MaxReflectionLength),
        ],
        [new SubmitAction("Next", CardVerbs.DebriefFeelings, SessionData(sessionId), ActionStyle.Positive)]);

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

        body.Add(new FactSet(report.Success
            .Select(s => new Fact(SuccessCriterionText.Describe(s.Key), s.Value.Met ? $"met (turn {s.Value.Turn})" : "not yet"))
            .ToArray()));
        foreach (var score in report.Rubric)
        {
            body.Add(new TextBlock($"{WireName.Of(score.Criterion).Replace('_', ' ')}: {score.Score}/4", TextStyle.Heading));
            body.AddRange(score.Evidence.Select(e => new TextBlock(e, TextStyle.Quote)));
        }

        return new Card("debrief.observations", null, body, []);
    }

    /// <summary>Layer three: one commitment for the next shift; a buddy asks about it a week later.</summary>
    public static Card DebriefCommitment(string sessionId, PracticeReport report) => new(
        "debrief.commitment",
        "One thing for your next shift",
        [
            new TextBlock(report.Debrief.CommitmentPrompt),
            .. report.Debrief.CommitmentSuggestions.Select(s => new TextBlock($"• {s}", TextStyle.Subtle)),
            new TextInput(Inputs.Commitment, "I will…", "e.g. name the customer's feeling before I offer a fix",
                MaxLength: MaxReflectionLength, Required: true),
        ],
        [new SubmitAction("Commit", CardVerbs.DebriefCommit, SessionData(sessionId), ActionStyle.Positive)]);

    public static ChoiceInput IntensityInput(Intensity current) => new(
        Inputs.Intensity,
        "Intensity",
        [
            new Choice("Low — a patient customer", WireName.Of(Intensity.Low)),
            new Choice("Medium", WireName.Of(Intensity.Medium)),
            new Choice("High — an upset customer who pushes hard", WireName.Of(Intensity.High)),
        ],
        Value: WireName.Of(current));

    private static string OutcomeSentence(PracticeReport report) => report.Outcome switch
    {
        SessionOutcome.Resolved => "The customer left with their problem in hand.",
        SessionOutcome.Escalated => "The customer asked for someone else. That happens — it is practice.",
        _ => "The scene ended before the customer was settled.",
    };

    private static Dictionary<string, string> SessionData(string sessionId) => new() { [Inputs.Session] = sessionId };

    private static string PersonaName(ContentCatalog catalog, string personaId) =>
        catalog.Personas.TryGetValue(personaId, out var persona) ? persona.Name : personaId;
}
