using RolePlay.Core.Content;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Sessions;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Debriefing;

/// <summary>The debrief of one scored practice as a report a page lays out itself (the studio), in the method's three
/// layers: the feelings prompts and the person's own answer; each agent turn that was quoted, once, with the phrases it
/// showed, the rubric criteria they counted for and what the customer answered; and the commitment. The same report the
/// debrief cards carry, rebuilt from the stored session. <see cref="Writing"/> is the agent's paraverbal picture.</summary>
public sealed record DebriefReport(
    string SessionId,
    string ScenarioTitle,
    string Customer,
    string Outcome,
    IReadOnlyList<string> FeelingsPrompts,
    string? Feelings,
    IReadOnlyList<DebriefMoment> Moments,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> Writing,
    IReadOnlyList<DebriefGoal> Goals,
    IReadOnlyList<DebriefSkill> Skills,
    string? Commitment);

/// <summary>One agent turn the rubric quoted: the phrases and the customer's answer to that turn.</summary>
public sealed record DebriefMoment(int Turn, IReadOnlyList<DebriefPhrase> Phrases, string Reply);

/// <summary>A quoted phrase: the behaviour it showed (null for a message quoted whole), whether it cost a point, and
/// the criteria it counted for.</summary>
public sealed record DebriefPhrase(string Text, string? Shows, bool Cost, IReadOnlyList<string> CountsFor);

/// <summary>A rubric criterion: its score, and what would raise it (null at the top).</summary>
public sealed record DebriefSkill(string Name, int Score, int Max, string? Next);

/// <summary>A success criterion of the scenario, and the turn that met it.</summary>
public sealed record DebriefGoal(string Name, bool Met, int? Turn);

/// <summary>Builds <see cref="DebriefReport"/>s from the store.</summary>
public sealed class DebriefReports(ContentCatalog catalog, PracticeEngine engine, ISessionStore sessions, ILearningStore learning)
{
    /// <summary>The report of a scored practice of <paramref name="person"/>; null when there is none by that id, it is
    /// still going, or it was not scored.</summary>
    public async Task<DebriefReport?> ReadAsync(PersonKey person, string sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (await sessions.GetAsync(person, sessionId, ct).ConfigureAwait(false) is not { IsLive: false } stored)
        {
            return null;
        }

        var session = SessionPersistence.Restore(engine, stored);
        var report = session.Report();
        if (!report.Scored)
        {
            return null;
        }

        var reflections = await learning.ListReflectionsAsync(person, sessionId, ct).ConfigureAwait(false);
        var commitment = await learning.GetCommitmentAsync(person, sessionId, ct).ConfigureAwait(false);
        var scenario = catalog.Scenarios.GetValueOrDefault(stored.ScenarioId);
        var customer = catalog.Personas.TryGetValue(stored.PersonaId, out var persona) ? persona.Name : "the customer";
        return new DebriefReport(
            sessionId,
            scenario?.Title ?? stored.ScenarioId,
            customer,
            WireName.Of(report.Outcome),
            report.Debrief.FeelingsPrompts,
            reflections.FirstOrDefault(r => r.Layer == "feelings")?.Text,
            Moments(report, Replies(session.Transcript)),
            report.Debrief.MissedMoments,
            report.Debrief.Writing,
            report.Success.Select(s => new DebriefGoal(SuccessCriterionText.Describe(s.Key), s.Value.Met, s.Value.Turn)).ToList(),
            report.Rubric.Select(r => new DebriefSkill(RubricCriterionText.Describe(r.Criterion), r.Score, RubricScore.Max, r.NextLevel)).ToList(),
            commitment?.Text);
    }

    /// <summary>Every quoted phrase once, under its turn, with all the criteria that quoted it.</summary>
    private static List<DebriefMoment> Moments(PracticeReport report, IReadOnlyDictionary<int, string> replies) =>
        report.Rubric
            .SelectMany(r => r.Evidence.Select(e => (Criterion: RubricCriterionText.Describe(r.Criterion), Evidence: e)))
            .GroupBy(x => x.Evidence.Turn)
            .OrderBy(turn => turn.Key)
            .Select(turn => new DebriefMoment(turn.Key,
                turn.GroupBy(x => x.Evidence.Phrase, StringComparer.Ordinal)
                    .Select(phrase => new DebriefPhrase(phrase.Key,
                        phrase.Select(x => x.Evidence.Label).FirstOrDefault(l => l != Behaviour.None) is var label and not Behaviour.None
                            ? BehaviourText.Describe(label)
                            : null,
                        phrase.Any(x => x.Evidence.Cost),
                        phrase.Select(x => x.Criterion).Distinct().ToList()))
                    .ToList(),
                replies.GetValueOrDefault(turn.Key, "")))
            .ToList();

    /// <summary>The customer's words after each agent turn (numbered from 1), bursts joined.</summary>
    private static Dictionary<int, string> Replies(IReadOnlyList<Utterance> transcript)
    {
        var replies = new Dictionary<int, string>();
        var turn = 0;
        foreach (var line in transcript)
        {
            if (line.Speaker == Speaker.Agent)
            {
                turn++;
            }
            else if (line is { Speaker: Speaker.Customer, Seen.Length: > 0 } && turn > 0)
            {
                replies[turn] = replies.TryGetValue(turn, out var before) ? $"{before} {line.Seen}" : line.Seen;
            }
        }

        return replies;
    }
}
