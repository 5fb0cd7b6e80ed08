using System.Diagnostics;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Debriefing;
using RolePlay.Core.Insights;
using RolePlay.Core.LearningRecords;
using RolePlay.Core.Practice;
using RolePlay.Core.Sessions;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Core.Telemetry;
using RolePlay.Core.Voice;

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
    ILearningRecords records,
    CustomerWording wording,
    PracticeSeeds seeds,
    TimeProvider time)
{
    public const string Help = "During a practice: /pause, /resume, /stop (nothing is scored) or /end (finish and debrief).";

    private const string AlreadyLive = "You already have a practice going: carry on, or type /end or /stop first.";

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Starts the scenario, or shows the picker when none (or an unknown one) is named.</summary>
    public async Task<RouterResult> StartAsync(PersonRecord person, string? scenarioId, Intensity? intensity, EventDelivery? delivery,
        CancellationToken ct)
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
        var session = engine.Start(new SessionOptions(scenario.Id, Seed: seeds.Next(), Intensity: chosen, PriorLines: heard));
        await wording.WordAsync(WordingFor.Person(person, typing: null), session, 0, ct).ConfigureAwait(false);
        session.Stamp(0, null, Now);
        var record = SessionPersistence.NewRecord(person.Key, session, Now);
        var (header, turns) = SessionPersistence.Changes(record, session, Now);
        var replies = Replies.From(session.Opening, PersonaOf(session));
        replies.Add(new CardOut(SceneCards.SceneControls(header.SessionId)));
        var result = new RouterResult(replies);
        try
        {
            await sessions.SaveAsync(SessionPersistence.Applied(header, delivery, result), turns, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return RouterResult.Say(AlreadyLive);
        }

        await records.PracticeStartedAsync(person, header, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>The answer this person's live session, or else their last ended one, recorded for
    /// <paramref name="delivery"/>; null when neither applied it. An ended session whose rubric the cut-off attempt did
    /// not get to store has it stored now (its insights with it).</summary>
    public async Task<RouterResult?> RecordedAnswerAsync(PersonRecord person, SessionRecord? live, EventDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(delivery);
        var last = live ?? (await sessions.ListEndedAsync(person.Key, 1, ct).ConfigureAwait(false)).FirstOrDefault();
        if (last?.LastEvent is not { } applied || applied.EventId != delivery.Id)
        {
            return null;
        }

        if (!last.IsLive && SessionPersistence.Restore(engine, last) is var ended && ended.Report() is { Scored: true } report)
        {
            // The first delivery may have stopped after the session's save: what follows it is done again (the
            // learning records only if the rubric was stored, since adding them again changes nothing).
            if (await learning.GetRubricAsync(person.Key, last.SessionId, ct).ConfigureAwait(false) is null)
            {
                await ScoreAsync(person, last, report, ended.Transcript, ct).ConfigureAwait(false);
            }
            else
            {
                await records.PracticeScoredAsync(person, last, report, ct).ConfigureAwait(false);
            }
        }

        return RouterResultJson.Read(applied.Answer);
    }

    /// <summary>The answer to a Start button pressed while a practice is live.</summary>
    public static RouterResult AlreadyStarted() => RouterResult.Say(AlreadyLive);

    /// <summary>What the agent typed during the scene: a control ("/pause", "/end", ...) or words for the customer.</summary>
    public async Task<RouterResult> ContinueAsync(PersonRecord person, SessionRecord live, string text, SceneTurn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var delivery = turn.Delivery;
        var session = SessionPersistence.Restore(engine, live);
        var from = session.Transcript.Count;
        var paused = session.Outcome == SessionOutcome.Paused;
        IReadOnlyList<Utterance> said;
        switch (text.ToLowerInvariant())
        {
            case "/pause" when paused:
                return RouterResult.Say(PracticeSession.AlreadyPaused);
            case "/pause":
                said = session.Pause();
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
                return await AnswerAsync(person, live, session, text, turn, ct).ConfigureAwait(false);
        }

        // A resumed scene's clock starts again at "Resumed": the time away is not the agent's silence.
        session.Stamp(from, null, Now);
        return await SaveAsync(person, live, session, said, delivery, ct).ConfigureAwait(false);
    }

    /// <summary>The customer answers the agent's words and the turn is stored: one span, one counted turn.</summary>
    private async Task<RouterResult> AnswerAsync(PersonRecord person, SessionRecord live, PracticeSession session, string text,
        SceneTurn turn, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = RolePlayTelemetry.Source.StartActivity("roleplay.turn");
        span?.SetTag("roleplay.scenario", live.ScenarioId);
        span?.SetTag("roleplay.turn.number", session.State.Turns.Count + 1); // the agent's, not the stored lines
        var from = session.Transcript.Count;
        session.Respond(text);
        var said = await wording.WordAsync(WordingFor.Person(person, turn.Typing), session, from, ct).ConfigureAwait(false);
        session.Stamp(from, turn.SentAt, Now);
        var result = await SaveAsync(person, live, session, said, turn.Delivery, ct).ConfigureAwait(false);
        TagList tags = new() { { "roleplay.platform", person.Key.Tenant.Platform.Id }, { "roleplay.scenario", live.ScenarioId } };
        RolePlayTelemetry.Turns.Add(1, tags);
        RolePlayTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        return result;
    }

    /// <summary>A scene control pressed on the card; a button of a practice that already ended does nothing.</summary>
    public Task<RouterResult> ControlAsync(PersonRecord person, SessionRecord? live, string verb, string? sessionId, EventDelivery? delivery,
        CancellationToken ct)
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
        return ContinueAsync(person, live, command, new SceneTurn(Now, delivery), ct);
    }

    /// <summary>The answer is made before the save, so that the save records it with the turns it answers.</summary>
    private async Task<RouterResult> SaveAsync(PersonRecord person, SessionRecord stored, PracticeSession session,
        IReadOnlyList<Utterance> said, EventDelivery? delivery, CancellationToken ct)
    {
        var (header, turns) = SessionPersistence.Changes(stored, session, Now);
        var report = session.IsOver ? session.Report() : null;
        var result = Answer(session, said, header.SessionId, report);
        await sessions.SaveAsync(SessionPersistence.Applied(header, delivery, result), turns, ct).ConfigureAwait(false);
        if (report is { Scored: true })
        {
            await ScoreAsync(person, header, report, session.Transcript, ct).ConfigureAwait(false);
        }

        return result;
    }

    private RouterResult Answer(PracticeSession session, IReadOnlyList<Utterance> said, string sessionId, PracticeReport? report)
    {
        // Pausing and stopping are answered by the engine's own coach line; a scored end brings the debrief.
        var replies = Replies.From(said, PersonaOf(session));
        if (report is { Scored: true })
        {
            replies.Add(new CardOut(DebriefCards.DebriefFeelings(sessionId, report) with { About = sessionId }));
        }

        return new RouterResult(replies);
    }

    private async Task ScoreAsync(PersonRecord person, SessionRecord ended, PracticeReport report, IReadOnlyList<Utterance> transcript, CancellationToken ct)
    {
        var rubric = SessionPersistence.Rubric(person.Key, ended.SessionId, report, Now);
        await learning.SaveRubricAsync(rubric, ct).ConfigureAwait(false);
        await insights.SessionScoredAsync(person, rubric, transcript, ct).ConfigureAwait(false);
        await records.PracticeScoredAsync(person, ended, report, ct).ConfigureAwait(false);
    }

    private Persona? PersonaOf(PracticeSession session) => catalog.Personas.GetValueOrDefault(session.State.PersonaId);

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
