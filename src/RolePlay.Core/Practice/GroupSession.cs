namespace RolePlay.Core.Practice;

public enum PracticeRole { Agent, Observer }

/// <summary>A facilitated group practice: people opt into a role before it starts; exactly one agent plays, observers
/// follow the transcript and add observations to the debrief.</summary>
public sealed class GroupSession
{
    private readonly PracticeEngine _engine;
    private readonly SessionOptions _options;
    private readonly Dictionary<string, PracticeRole> _roles = new(StringComparer.Ordinal);

    public GroupSession(PracticeEngine engine, SessionOptions options)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Rebuilds a group practice from what was stored: a chat sends one request per message, so between messages
    /// the roles and the scene's state live in storage.</summary>
    public static GroupSession Restore(PracticeEngine engine, SessionOptions options,
        IEnumerable<KeyValuePair<string, PracticeRole>> roles, SessionState? session)
    {
        var practice = new GroupSession(engine, options);
        foreach (var (participant, role) in roles)
        {
            practice.Join(participant, role);
        }

        practice.Session = session is null ? null : engine.Restore(session);
        return practice;
    }

    public SessionOptions Options => _options;

    public IReadOnlyDictionary<string, PracticeRole> Roles => _roles;
    public PracticeSession? Session { get; private set; }

    /// <summary>Opts a participant into a role (joining again changes their role). Roles are fixed once started.</summary>
    public void Join(string participantId, PracticeRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(participantId);
        if (Session is not null)
        {
            throw new InvalidOperationException("The practice has started; roles are chosen before it starts.");
        }

        _roles[participantId] = role;
    }

    public PracticeSession Start()
    {
        if (Session is not null)
        {
            throw new InvalidOperationException("The practice has already started.");
        }

        var agents = _roles.Count(pair => pair.Value == PracticeRole.Agent);
        if (agents != 1)
        {
            throw new InvalidOperationException(
                $"A group practice needs exactly one agent to start; {agents} have opted in as agent.");
        }

        Session = _engine.Start(_options);
        return Session;
    }

    public string AgentId => _roles.First(pair => pair.Value == PracticeRole.Agent).Key;

    /// <summary>Only the agent speaks to the customer.</summary>
    public TurnResult Respond(string participantId, string text)
    {
        var session = Started();
        if (RoleOf(participantId) != PracticeRole.Agent)
        {
            throw new InvalidOperationException($"'{participantId}' is an observer; only the agent replies to the customer.");
        }

        return session.Respond(text);
    }

    /// <summary>What an observer (or the agent) sees: the whole transcript so far.</summary>
    public IReadOnlyList<Utterance> TranscriptFor(string participantId)
    {
        RoleOf(participantId);
        return Started().Transcript;
    }

    /// <summary>An observer's note; it appears in the debrief's observations with the turn it was made at.</summary>
    public void Observe(string participantId, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var session = Started();
        if (RoleOf(participantId) != PracticeRole.Observer)
        {
            throw new InvalidOperationException($"'{participantId}' is the agent; observations come from observers.");
        }

        session.State.Observations.Add(new Observation(participantId, session.State.Turn, text.Trim()));
    }

    private PracticeRole RoleOf(string participantId) =>
        _roles.TryGetValue(participantId, out var role)
            ? role
            : throw new InvalidOperationException($"'{participantId}' has not joined this practice.");

    private PracticeSession Started() =>
        Session ?? throw new InvalidOperationException("The practice has not started: it needs exactly one agent first.");
}
