using System.Diagnostics;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Debriefing;
using RolePlay.Core.Insights;
using RolePlay.Core.Practice;
using RolePlay.Core.Sessions;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Core.Telemetry;

namespace RolePlay.Core.Scene;

/// <summary>A role-play in a personal chat: starting one, the agent's words going to the customer, and the controls
/// (pause, resume, stop unscored, end and debrief). A turn costs one atomic save of the new turns.</summary>
public sealed class SceneConversation(
    ContentCatalog catalog,
    PracticeEngine engine,
    IPeopleStore people,
    ISessionStore sessions,
    ILearningStore learning,
    IInsightsRecorder insights,
    TimeProvider time)
{
    public const string Help = "During a practice: /pause, /resume, /stop (nothing is scored) or /end (finish and debrief).";

    private const string AlreadyLive = "You already have a practice going: carry on, or type /end or /stop first.";

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Starts the scenario, or shows the picker when none (or an unknown one) is named.</summary>
    public async Task<RouterResult> StartAsync(PersonRecord person, string? scenarioId, Intensity? intensity, CancellationToken ct)
    {
        var chosen = intensity ?? PersonSettings.IntensityOf(person);
        if (scenarioId is null)
        {
            return RouterResult.Show(SceneCards.ScenarioPicker(catalog, chosen));
        }

        if (!catalog.Scenarios.TryGetValue(scenarioId, out var scenario))
        {
            return new RouterResult([new TextOut($"I don't know a scenario called “{scenarioId}”. Pick one here:"),
                new CardOut(SceneCards.ScenarioPicker(catalog, chosen))]);
        }

        if (person.Version is null || chosen != PersonSettings.IntensityOf(person))
        {
            person = await people.SaveAsync(PersonSettings.WithIntensity(person, chosen), ct).ConfigureAwait(false);
        }

        var heard = await HeardBeforeAsync(person.Key, scenario.PersonaId, ct).ConfigureAwait(false);
        var session = engine.Start(new SessionOptions(scenario.Id, Seed: Random.Shared.Next(), Intensity: chosen, PriorLines: heard));
        var record = SessionPersistence.NewRecord(person.Key, session, Now);
        var (header, turns) = SessionPersistence.Changes(record, session, Now);
        try
        {
            await sessions.SaveAsync(header, turns, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return RouterResult.Say(AlreadyLive);
        }

        var replies = Replies.From(session.Opening, CustomerName(session));
        replies.Add(new CardOut(SceneCards.SceneControls(header.SessionId)));
        return new RouterResult(replies);
    }

    /// <summary>The answer to a Start button pressed while a practice is live.</summary>
    public static RouterResult AlreadyStarted() => RouterResult.Say(AlreadyLive);

    /// <summary>What the agent typed during the scene: a control ("/pause", "/end", ...) or words for the customer.</summary>
    public async Task<RouterResult> ContinueAsync(PersonRecord person, SessionRecord live, string text, CancellationToken ct)
    {
        var session = SessionPersistence.Restore(engine, live);
        var paused = session.Outcome == SessionOutcome.Paused;
        IReadOnlyList<Utterance> said;
        switch (text.ToLowerInvariant())
        {
            case "/pause":
                said = paused ? [] : session.Pause();
                break;
            case "/resume" or "resume" when paused:
                said = session.Resume();
                break;
            case "/stop":
                said = session.Stop();
                break;
            case "/end":
                said = paused ? [.. session.Resume(), .. session.End()] : session.End();
                break;
            case "/help" or "/?":
                return RouterResult.Say(Help);
            case "" or "/resume":
                return RouterResult.Say(paused ? "This practice is paused. Type /resume to carry on, or /stop to stop." : Help);
            case var _ when paused:
                return RouterResult.Say("This practice is paused, so that wasn't sent to the customer. Type /resume to carry on, or /stop to stop.");
            case var _ when text.StartsWith('/'):
                return RouterResult.Say(Help);
            default:
                return await AnswerAsync(person, live, session, text, ct).ConfigureAwait(false);
        }

        return await SaveAsync(person, live, session, said, ct).ConfigureAwait(false);
    }

    /// <summary>The customer answers the agent's words and the turn is stored: one span, one counted turn.</summary>
    private async Task<RouterResult> AnswerAsync(PersonRecord person, SessionRecord live, PracticeSession session, string text, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = RolePlayTelemetry.Source.StartActivity("roleplay.turn");
        span?.SetTag("roleplay.scenario", live.ScenarioId);
        span?.SetTag("roleplay.turn.number", session.State.Turns.Count + 1); // the agent's, not the stored lines
        var result = await SaveAsync(person, live, session, session.Respond(text).Replies, ct).ConfigureAwait(false);
        TagList tags = new() { { "roleplay.platform", person.Key.Tenant.Platform.Id }, { "roleplay.scenario", live.ScenarioId } };
        RolePlayTelemetry.Turns.Add(1, tags);
        RolePlayTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        return result;
    }

    /// <summary>A scene control pressed on the card; a button of a practice that already ended does nothing.</summary>
    public Task<RouterResult> ControlAsync(PersonRecord person, SessionRecord? live, string verb, string? sessionId, CancellationToken ct)
    {
        if (live is null || (sessionId is not null && live.SessionId != sessionId))
        {
            return Task.FromResult(RouterResult.Say("That practice has already ended."));
        }

        var command = verb switch
        {
            CardVerbs.Pause => "/pause",
            CardVerbs.Resume => "/resume",
            CardVerbs.Stop => "/stop",
            _ => "/end",
        };
        return ContinueAsync(person, live, command, ct);
    }

    private async Task<RouterResult> SaveAsync(PersonRecord person, SessionRecord stored, PracticeSession session,
        IReadOnlyList<Utterance> said, CancellationToken ct)
    {
        var (header, turns) = SessionPersistence.Changes(stored, session, Now);
        await sessions.SaveAsync(header, turns, ct).ConfigureAwait(false);
        var replies = Replies.From(said, CustomerName(session));
        if (!session.IsOver)
        {
            if (session.Outcome == SessionOutcome.Paused)
            {
                replies.Add(new TextOut("Paused. Nothing is lost: type /resume when you're ready, or /stop to stop."));
            }

            return new RouterResult(replies);
        }

        var report = session.Report();
        if (!report.Scored)
        {
            replies.Add(new TextOut("Stopped. Nothing was scored. Come back whenever you like: type “start”."));
            return new RouterResult(replies);
        }

        var rubric = SessionPersistence.Rubric(person.Key, header.SessionId, report, Now);
        await learning.SaveRubricAsync(rubric, ct).ConfigureAwait(false);
        await insights.SessionScoredAsync(person, rubric, session.Transcript, ct).ConfigureAwait(false);
        replies.Add(new CardOut(DebriefCards.DebriefFeelings(header.SessionId, report)));
        return new RouterResult(replies);
    }

    private string CustomerName(PracticeSession session) =>
        catalog.Personas.TryGetValue(session.State.PersonaId, out var persona) ? persona.Name.Split(' ')[0] : "Customer";

    /// <summary>What this person already heard this persona say in their last few practices with them, so meeting
    /// the persona again brings other words.</summary>
    private async Task<IReadOnlyList<string>> HeardBeforeAsync(PersonKey person, string personaId, CancellationToken ct)
    {
        const int Sessions = 5;
        var ended = await sessions.ListEndedAsync(person, take: 4 * Sessions, ct).ConfigureAwait(false);
        var heard = new List<string>();
        foreach (var past in ended.Where(s => s.PersonaId == personaId).Take(Sessions))
        {
            var turns = await sessions.GetTurnsAsync(person, past.SessionId, ct).ConfigureAwait(false);
            heard.AddRange(turns.Where(t => t.Speaker == TurnSpeakers.Customer).Select(t => t.Text));
        }

        return heard;
    }
}
