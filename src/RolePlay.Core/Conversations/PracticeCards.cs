using RolePlay.Core.Cards;
using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
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
            body.Add(new TextBlock($"{RubricCriterionText.Describe(score.Criterion)}: {score.Score}/{RubricScore.Max}", TextStyle.Heading));
            body.AddRange(score.Evidence.Select(e => new TextBlock(Quote(e), TextStyle.Quote)));
            if (score.NextLevel is { } next)
            {
                body.Add(new TextBlock($"Next point: {next}", TextStyle.Subtle));
            }
        }

        return new Card("debrief.observations", null, body, []);
    }

    /// <summary>Layer three: one commitment for the next shift; a buddy asks about it a week later.</summary>
    public static Card DebriefCommitment(string sessionId, PracticeReport report) => new(
        "debrief.commitment",
        "One thing for your next shift",
        [
            new TextBlock(report.Debrief.CommitmentPrompt),
            new TextInput(Inputs.Commitment, "In your own words: I will…", "e.g. name the customer's feeling before I offer a fix",
                MaxLength: MaxReflectionLength),
        ],
        [
            new SubmitAction("Commit", CardVerbs.DebriefCommit, SessionData(sessionId), ActionStyle.Positive),
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

    /// <summary>Every setting on one card; submitting it changes only what differs.</summary>
    public static Card Settings(PersonRecord person, DateTimeOffset now)
    {
        var pausedUntil = PersonSettings.IsPaused(person, now) && person.PausedUntilUtc != DateTimeOffset.MaxValue
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(person.PausedUntilUtc!.Value, LocalClock.Zone(person.TimeZone)).DateTime)
                .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return new Card(
            "settings",
            "Your practice settings",
            [
                new TextBlock(PersonSettings.Describe(person, now), TextStyle.Subtle),
                new TextInput(Inputs.PromptTime, "Daily prompt time (HH:MM, your time)", "09:30",
                    Value: (person.DailyPromptTime ?? PromptSchedule.DefaultTime).ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture), MaxLength: 5),
                new ChoiceInput(Inputs.Days, "Days", Days, Multiple: true,
                    Value: string.Join(',', person.WorkingDays.Select(DayValue)), Required: true),
                IntensityInput(PersonSettings.IntensityOf(person)),
                new TextInput(Inputs.TimeZone, "Time zone", "Europe/London", Value: person.TimeZone, MaxLength: 64),
                new TextInput(Inputs.PauseUntil, "Pause prompts until (YYYY-MM-DD, empty = not paused)", "2026-12-01", Value: pausedUntil, MaxLength: 10),
            ],
            [
                new SubmitAction("Save", CardVerbs.SaveSettings, ActionStyle.Positive),
                new SubmitAction("Stop all prompts", CardVerbs.OptOut, ActionStyle.Destructive),
            ]);
    }

    /// <summary>The Slack App Home: progress against one's own past, the settings, and a way in.</summary>
    public static Card Home(PersonRecord person, IReadOnlyList<SessionRecord> ended, DateTimeOffset now)
    {
        var scored = ended.Where(s => s.Outcome is not null && s.Outcome != WireName.Of(SessionOutcome.Stopped)).ToList();
        var lastWeek = scored.Count(s => s.StartedUtc > now.AddDays(-7));
        var resolved = scored.Count(s => s.Outcome == WireName.Of(SessionOutcome.Resolved));
        return new Card(
            "home",
            "Your empathy practice",
            [
                new FactSet(
                [
                    new Fact("Practices", scored.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Fact("This week", lastWeek.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Fact("Customers settled", resolved.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ]),
                new TextBlock(PersonSettings.Describe(person, now)),
            ],
            [
                new SubmitAction("Start a practice", CardVerbs.PickScenario, ActionStyle.Positive),
                new SubmitAction(person.Consent == ConsentState.OptedIn ? "Change settings" : "Join daily practice",
                    person.Consent == ConsentState.OptedIn ? CardVerbs.OpenSettings : CardVerbs.OptIn),
            ]);
    }

    /// <summary>What an acted-on card becomes, so the same buttons cannot be pressed twice.</summary>
    public static Card Acknowledged(string id, string text) => new(id, null, [new TextBlock(text)], []);

    private static readonly Choice[] Days = Enum.GetValues<DayOfWeek>()
        .Skip(1).Append(DayOfWeek.Sunday)
        .Select(d => new Choice(d.ToString(), DayValue(d)))
        .ToArray();

    private static string DayValue(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();

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
