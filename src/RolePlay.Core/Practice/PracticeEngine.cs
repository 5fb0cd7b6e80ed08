using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice;

/// <summary>Starts and restores role-play sessions over a content catalog. Thread-safe: it holds only read-only
/// content; each session is used by one request at a time.</summary>
public sealed class PracticeEngine
{
    private const int IdsListed = 5;

    private readonly ContentCatalog _catalog;
    private readonly IBehaviourDetector _detector;
    private readonly IPersonaVoice _voice;
    private readonly ServiceValues _values;
    private readonly CueDeck _cues;
    private readonly WarmUp[] _warmUps;

    public PracticeEngine(ContentCatalog catalog, IBehaviourDetector detector, IPersonaVoice voice, ServiceValues? values = null)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _detector = detector ?? throw new ArgumentNullException(nameof(detector));
        _voice = voice ?? throw new ArgumentNullException(nameof(voice));
        _values = ServiceValues.Validate(values ?? ServiceValues.Default);
        _cues = new CueDeck(catalog.CueCards);
        // Dictionary order is not a contract: sort so a seed picks the same warm-up everywhere.
        _warmUps = catalog.WarmUps.Values.OrderBy(w => w.Id, StringComparer.Ordinal).ToArray();
    }

    public PracticeSession Start(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scenario = FindScenario(options.ScenarioId);
        var persona = FindPersona(options.PersonaId ?? scenario.PersonaId);
        var plan = new ScenePlan(scenario, persona);
        var (frustration, trust) = MoodModel.Start(persona.StartingMood, options.Intensity);
        var state = new SessionState
        {
            Options = options,
            PersonaId = persona.Id,
            Goal = scenario.CustomerGoal,
            Frustration = frustration,
            Trust = trust,
            OutageActive = plan.OutageFromStart,
            // The customer arrives with a feeling: the opening voices it once.
            FeelingVoicedUnnamed = 1,
        };
        var session = new PracticeSession(state, plan, _detector, _voice, _cues, _values);
        session.Open(_warmUps);
        return session;
    }

    public PracticeSession Restore(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var scenario = FindScenario(state.Options.ScenarioId);
        var persona = FindPersona(state.PersonaId);
        return new PracticeSession(state, new ScenePlan(scenario, persona), _detector, _voice, _cues, _values);
    }

    private Scenario FindScenario(string id) =>
        !string.IsNullOrWhiteSpace(id) && _catalog.Scenarios.TryGetValue(id, out var scenario)
            ? scenario
            : throw new ArgumentException($"Unknown scenario '{id}'. {Known("scenarios", _catalog.Scenarios.Keys)}", nameof(id));

    private Persona FindPersona(string id) =>
        !string.IsNullOrWhiteSpace(id) && _catalog.Personas.TryGetValue(id, out var persona)
            ? persona
            : throw new ArgumentException($"Unknown persona '{id}'. {Known("personas", _catalog.Personas.Keys)}", nameof(id));

    private static string Known(string kind, IEnumerable<string> ids)
    {
        var sorted = ids.Order(StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return $"No {kind} are loaded.";
        }

        var more = sorted.Count > IdsListed ? $" (and {sorted.Count - IdsListed} more)" : "";
        return $"Known {kind}: {string.Join(", ", sorted.Take(IdsListed))}{more}.";
    }
}
