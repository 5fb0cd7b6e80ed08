using System.Text.Json;
using RolePlay.Core.Chat;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Sessions;

/// <summary>Maps a practice session to what the store keeps: a header carrying the engine's state as JSON, and each
/// utterance as its own turn row (so a long session never grows one blob).</summary>
internal static class SessionPersistence
{
    public static SessionRecord NewRecord(PersonKey person, PracticeSession session, DateTimeOffset now) => new(
        person,
        Guid.NewGuid().ToString("N"),
        session.State.Options.ScenarioId,
        session.State.PersonaId,
        session.State.Options.Seed,
        (int)session.State.Options.Intensity,
        WireName.Of(session.Outcome),
        now,
        session.IsOver ? now : null,
        JsonSerializer.Serialize(session.State),
        0);

    public static PracticeSession Restore(PracticeEngine engine, SessionRecord record) =>
        engine.Restore(JsonSerializer.Deserialize<SessionState>(record.StateJson)
                       ?? throw new InvalidOperationException($"Session {record.SessionId} has no state."));

    /// <summary>The header as the session now stands, and the utterances not yet stored.</summary>
    public static (SessionRecord Header, IReadOnlyList<TurnRecord> NewTurns) Changes(
        SessionRecord stored, PracticeSession session, DateTimeOffset now)
    {
        var transcript = session.Transcript;
        var turns = new List<TurnRecord>(transcript.Count - stored.TurnCount);
        for (var i = stored.TurnCount; i < transcript.Count; i++)
        {
            var u = transcript[i];
            turns.Add(new TurnRecord(i, WireName.Of(u.Speaker), u.Seen, BehaviourNames.ToNames(u.Labels), now));
        }

        var header = stored with
        {
            Outcome = WireName.Of(session.Outcome),
            EndedUtc = session.IsOver ? stored.EndedUtc ?? now : null,
            StateJson = JsonSerializer.Serialize(session.State),
            TurnCount = transcript.Count,
        };
        return (header, turns);
    }

    /// <summary>The header carrying the event it applies and its answer; with no delivery (a channel that keeps no
    /// events) it carries none, rather than an earlier event's.</summary>
    public static SessionRecord Applied(SessionRecord header, EventDelivery? delivery, RouterResult answer) =>
        header with { LastEvent = delivery is null ? null : new AppliedEvent(delivery.Id, RouterResultJson.Write(answer)) };

    /// <summary>Stored as the agent's exact phrases, those that cost a point marked "cost: ", as the insights read them.</summary>
    private static string[] StoredEvidence(IReadOnlyList<RubricEvidence> evidence) =>
        evidence.Select(e => e.Cost ? $"{StoredRubricScore.CostPrefix}{e.Phrase}" : e.Phrase).ToArray();

    public static RubricResultRecord Rubric(PersonKey person, string sessionId, PracticeReport report, DateTimeOffset now) =>
        new(person, sessionId,
            report.Rubric.Select(r => new StoredRubricScore(WireName.Of(r.Criterion), r.Score, StoredEvidence(r.Evidence))).ToArray(),
            now);
}
