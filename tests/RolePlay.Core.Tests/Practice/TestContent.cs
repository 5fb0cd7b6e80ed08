using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;

namespace RolePlay.Core.Tests.Practice;

/// <summary>A detector double: a table from exact message text to the behaviours (and the phrase showing each)
/// it should report. Unknown messages show nothing.</summary>
internal sealed class TableDetector : IBehaviourDetector
{
    private readonly Dictionary<string, BehaviourEvidence[]> _table = new(StringComparer.Ordinal);

    public TableDetector Add(string text, params (Behaviour Behaviour, string Phrase)[] evidence)
    {
        foreach (var (_, phrase) in evidence)
        {
            if (!text.Contains(phrase, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{phrase}' is not part of '{text}'.");
            }
        }

        _table[text] = evidence.Select(e => new BehaviourEvidence(e.Behaviour, e.Phrase)).ToArray();
        return this;
    }

    public Behaviour Detect(string text, DetectionContext? context = null)
    {
        var labels = Behaviour.None;
        if (_table.TryGetValue(text, out var evidence))
        {
            foreach (var item in evidence)
            {
                labels |= item.Behaviour;
            }
        }

        return labels;
    }

    public IReadOnlyList<BehaviourEvidence> Explain(string text, DetectionContext? context = null) =>
        _table.TryGetValue(text, out var evidence) ? evidence : [];
}

/// <summary>The agent messages the tests speak, and a detector that knows them.</summary>
internal static class Say
{
    public const string Empathy = "I'm so sorry, that sounds really stressful.";
    public const string EmpathyAndQuestion = "I'm so sorry, that sounds really stressful. What happened when you tried to book?";
    public const string OpenQuestion = "Can you tell me more about it?";
    public const string FlightQuestion = "What happened with the flight?";
    public const string SummaryAndConfirm = "So you need the booking kept for Friday. Did I get that right?";
    public const string NextStep = "I will call the hotel now about your Friday booking and email you the confirmation within the hour.";
    public const string NextStepByText = "I will text you the booking confirmation by 5pm today.";
    public const string Collaboration = "Let's work out together which option suits you.";
    public const string BoundaryWithAlternative = "I can't change the refund rule, but I can offer you a voucher today.";
    public const string BareBoundary = "I can't change the refund rule.";
    public const string AcknowledgeOutageAndNextStep = "I see the system is down, that must be so frustrating. I will text you the moment it is back.";
    public const string Blame = "You should have read the terms.";
    public const string BlamePolicy = "That's the policy, not my problem.";
    public const string Dismissive = "Calm down, it's not a big deal.";
    public const string Nothing = "Ok.";
    public const string Checklist = "I hear you're upset. What happened? So to summarise, you have a problem. Did I get that right? I'll fix it by 5pm.";

    public static TableDetector Detector() => new TableDetector()
        .Add(Empathy, (Behaviour.Empathy, "that sounds really stressful"))
        .Add(EmpathyAndQuestion, (Behaviour.Empathy, "that sounds really stressful"),
            (Behaviour.OpenQuestion, "What happened when you tried to book?"))
        .Add(OpenQuestion, (Behaviour.OpenQuestion, "Can you tell me more about it?"))
        .Add(FlightQuestion, (Behaviour.OpenQuestion, "What happened with the flight?"))
        .Add(SummaryAndConfirm, (Behaviour.Summary, "So you need the booking kept for Friday."),
            (Behaviour.Confirmation, "Did I get that right?"))
        .Add(NextStep, (Behaviour.NextStep, "I will call the hotel now"))
        .Add(NextStepByText, (Behaviour.NextStep, NextStepByText))
        .Add(Collaboration, (Behaviour.Collaboration, "Let's work out together"))
        .Add(BoundaryWithAlternative, (Behaviour.Boundary, "I can't change the refund rule"),
            (Behaviour.NextStep, "I can offer you a voucher today"))
        .Add(BareBoundary, (Behaviour.Boundary, "I can't change the refund rule"))
        .Add(AcknowledgeOutageAndNextStep, (Behaviour.Empathy, "that must be so frustrating"),
            (Behaviour.NextStep, "I will text you the moment it is back"))
        .Add(Blame, (Behaviour.Blame, "You should have read the terms"))
        .Add(BlamePolicy, (Behaviour.Blame, "not my problem"), (Behaviour.Boundary, "That's the policy"))
        .Add(Dismissive, (Behaviour.Dismissive, "Calm down"))
        .Add(Checklist, (Behaviour.Empathy, "I hear you're upset."), (Behaviour.OpenQuestion, "What happened?"),
            (Behaviour.Summary, "So to summarise, you have a problem."), (Behaviour.Confirmation, "Did I get that right?"),
            (Behaviour.NextStep, "I'll fix it by 5pm."));

    /// <summary>What a warm agent says, turn by turn, in any of the test scenarios.</summary>
    public static readonly string[] Warm =
        [EmpathyAndQuestion, SummaryAndConfirm, BoundaryWithAlternative, AcknowledgeOutageAndNextStep, NextStep, Collaboration];

    public static readonly string[] Cold = [Blame, Dismissive, BlamePolicy, Blame, Dismissive, Blame];
}

/// <summary>Builds personas, scenarios and a catalog in C#; every line bank is full of distinct, recognisable lines
/// ("[maria:FeelingNamed:2] ...") so tests can tell which bank a reply came from.</summary>
internal static class TestContent
{
    public const int LinesPerBank = 40;

    public static Persona Persona(string id = "maria", NetworkQuality network = NetworkQuality.Good,
        IReadOnlyDictionary<Behaviour, double>? sensitivity = null, bool needsFeelingNamedFirst = false, Mood? mood = null) => new()
    {
        Id = id,
        Name = char.ToUpperInvariant(id[0]) + id[1..],
        Age = 40,
        Culture = "test",
        Accessibility = "none stated",
        CommunicationStyle = "direct",
        Motivations = ["keep the booking"],
        Constraints = ["short on time"],
        Artifacts = new PersonaArtifacts(DeviceType.Phone, network),
        StartingMood = mood ?? new Mood(6, 3),
        Sensitivity = sensitivity ?? new Dictionary<Behaviour, double>(),
        NeedsFeelingNamedFirst = needsFeelingNamedFirst,
        Facts =
        [
            new HiddenFact("deposit", "Trainer note on deposit.", ["deposit", "money"], ["FACT-deposit: I paid a deposit."]),
            new HiddenFact("flight", "Trainer note on flight.", ["flight", "plane"], ["FACT-flight: My flight was cancelled."]),
            new HiddenFact("kids", "Trainer note on kids.", [], ["FACT-kids: The kids are with me."]),
        ],
        Lines = new LineBanks(Enum.GetValues<Reaction>().ToDictionary(
            reaction => reaction,
            reaction => (IReadOnlyList<string>)Enumerable.Range(0, LinesPerBank)
                .Select(i => reaction == Reaction.Opening
                    ? $"[{id}:{reaction}:{i}] My hotel booking for Friday is at risk. Line {i}, I'm so worried."
                    : $"[{id}:{reaction}:{i}] This is line {i}. It has two sentences.")
                .ToArray())),
    };

    public static bool IsFrom(string line, string personaId, Reaction reaction) =>
        line.StartsWith($"[{personaId}:{reaction}:", StringComparison.Ordinal);

    public static Scenario Scenario(string id, string personaId = "maria", IReadOnlyList<ScenarioConstraint>? constraints = null,
        IReadOnlyList<SuccessCriterion>? success = null, SceneEvent? sceneEvent = null, int maxTurns = 6) => new()
    {
        Id = id,
        Title = $"Title of {id}",
        PersonaId = personaId,
        Brief = $"BRIEF-{id}: the customer wants to keep a hotel booking for Friday; the refund rule is fixed, a voucher is possible.",
        CustomerGoal = "keep the booking",
        Success = success ?? [SuccessCriterion.ValidatedFeelings, SuccessCriterion.AgreedNextStep],
        Constraints = constraints ?? [],
        Event = sceneEvent,
        MaxTurns = maxTurns,
    };

    public static readonly Scenario[] Scenarios =
    [
        Scenario("basic"),
        Scenario("time", constraints: [new ScenarioConstraint(ConstraintKind.TimePressure, "TWO MINUTES LEFT", TurnBudget: 3)]),
        Scenario("policy", constraints: [new ScenarioConstraint(ConstraintKind.PolicyFixed, "REFUNDS NEVER AFTER 30 DAYS")],
            success: [SuccessCriterion.ValidatedFeelings, SuccessCriterion.AgreedNextStep, SuccessCriterion.BoundaryWithoutBlame]),
        Scenario("outage", constraints: [new ScenarioConstraint(ConstraintKind.Outage, "BILLING GOES DOWN", AtTurn: 3)]),
        Scenario("outage-event", sceneEvent: new SceneEvent(SceneEventKind.Outage, 3, "EVENT: the app just crashed on me!")),
        Scenario("swap", sceneEvent: new SceneEvent(SceneEventKind.GoalSwap, 3, "EVENT: actually, I want a refund.", "get a refund")),
        Scenario("long", maxTurns: 30),
        Scenario("busy-basic", personaId: "busy"),
        Scenario("anxious-basic", personaId: "anxious"),
        Scenario("patchy-basic", personaId: "patchy"),
        Scenario("poor-basic", personaId: "poor"),
        Scenario("calm-basic", personaId: "calm"),
    ];

    public static ContentCatalog Catalog(params Persona[] extra)
    {
        Persona[] personas =
        [
            Persona(),
            Persona("busy", sensitivity: new Dictionary<Behaviour, double> { [Behaviour.NextStep] = 2.0 }),
            Persona("anxious", needsFeelingNamedFirst: true),
            Persona("patchy", NetworkQuality.Patchy),
            Persona("poor", NetworkQuality.Poor),
            Persona("calm", mood: new Mood(2, 7)),
            .. extra,
        ];
        CueCard[] cues =
        [
            new("cue-feeling", "CUE-feeling: name the feeling now", CueTrigger.FeelingUnnamed),
            new("cue-question", "CUE-question: ask one open question", CueTrigger.NoOpenQuestion),
            new("cue-blame", "CUE-blame: drop the blame", CueTrigger.Blame),
            new("cue-dismissive", "CUE-dismissive: take it seriously", CueTrigger.Dismissive),
            new("cue-next", "CUE-next: agree a next step", CueTrigger.NoNextStep),
            new("cue-free", "CUE-free: breathe", CueTrigger.None),
        ];
        WarmUp[] warmUps =
        [
            new("w1", "WARMUP-1: name the customer's day in one adjective"),
            new("w2", "WARMUP-2: recall a phrase that calmed someone"),
            new("w3", "WARMUP-3: one word for how you feel"),
        ];
        return new ContentCatalog(
            personas.ToDictionary(p => p.Id),
            Scenarios.ToDictionary(s => s.Id),
            cues.ToDictionary(c => c.Id),
            warmUps.ToDictionary(w => w.Id),
            new Dictionary<string, PeerChecklist>());
    }

    public static PracticeEngine Engine(ServiceValues? values = null) =>
        new(Catalog(), Say.Detector(), new RuleBasedPersonaVoice(), values);

    public static PracticeSession Start(string scenarioId, int seed = 0, Intensity intensity = Intensity.Medium,
        string? personaId = null, bool warmUp = true) =>
        Engine().Start(new SessionOptions(scenarioId, personaId, seed, intensity, warmUp));

    /// <summary>Plays the script until the scene ends or the script runs out.</summary>
    public static PracticeSession Play(PracticeSession session, IEnumerable<string> script)
    {
        foreach (var line in script)
        {
            if (session.IsOver)
            {
                break;
            }

            session.Respond(line);
        }

        return session;
    }

    public static IEnumerable<string> CustomerLines(IEnumerable<Utterance> utterances) =>
        utterances.Where(u => u.Speaker == Speaker.Customer).Select(u => u.Text);
}
