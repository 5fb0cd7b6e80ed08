using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Insights;

/// <summary>Where practice tells the dashboard's read model what happened: called once at each place a session is
/// scored, a commitment made, a check-in stored, a recognition added or taken back.</summary>
public interface IInsightsRecorder
{
    Task SessionScoredAsync(PersonRecord person, RubricResultRecord rubric, IReadOnlyList<Utterance> transcript, CancellationToken ct);

    Task CommitmentMadeAsync(PersonRecord person, CommitmentRecord commitment, CancellationToken ct);

    /// <summary>A check-in on <see cref="CheckInRecord.Person"/>'s commitment (by them or their buddy).</summary>
    Task CheckedInAsync(CheckInRecord checkIn, CancellationToken ct);

    Task RecognitionAddedAsync(RecognitionRecord recognition, CancellationToken ct);

    /// <summary>A recognition taken back, as it was stored: counted down in its week, for its recipient.</summary>
    Task RecognitionRemovedAsync(RecognitionRecord recognition, CancellationToken ct);
}

/// <summary>Counts each event into the week (UTC, ISO) it happened in, under the person's current team; people in no
/// team are counted under <see cref="NoTeam"/>, so their own trend still grows.</summary>
public sealed class InsightsRecorder(IInsightsStore store, IPeopleStore people) : IInsightsRecorder
{
    /// <summary>The partition of people who belong to no team; never shown as a team.</summary>
    public const string NoTeam = "~none";

    public Task SessionScoredAsync(PersonRecord person, RubricResultRecord rubric, IReadOnlyList<Utterance> transcript, CancellationToken ct) =>
        store.ApplyAsync(person.Key, TeamOf(person), IsoWeek.Of(rubric.AtUtc),
            new InsightChange.SessionScored(rubric.Scores, BehavioursShown(transcript)), ct);

    public Task CommitmentMadeAsync(PersonRecord person, CommitmentRecord commitment, CancellationToken ct) =>
        store.ApplyAsync(person.Key, TeamOf(person), IsoWeek.Of(commitment.CreatedUtc), new InsightChange.CommitmentMade(), ct);

    public async Task CheckedInAsync(CheckInRecord checkIn, CancellationToken ct)
    {
        var owner = await people.GetAsync(checkIn.Person, ct).ConfigureAwait(false);
        await store.ApplyAsync(checkIn.Person, TeamOf(owner), IsoWeek.Of(checkIn.AtUtc), new InsightChange.CheckedIn(checkIn.Kept), ct)
            .ConfigureAwait(false);
    }

    public Task RecognitionAddedAsync(RecognitionRecord recognition, CancellationToken ct) =>
        store.ApplyAsync(recognition.Recipient, recognition.TeamId, IsoWeek.Of(recognition.AtUtc),
            new InsightChange.Recognised(recognition.Kind, 1), ct);

    public Task RecognitionRemovedAsync(RecognitionRecord recognition, CancellationToken ct) =>
        store.ApplyAsync(recognition.Recipient, recognition.TeamId, IsoWeek.Of(recognition.AtUtc), new InsightChange.Recognised(recognition.Kind, -1), ct);

    private static string TeamOf(PersonRecord? person) => person?.TeamId ?? NoTeam;

    /// <summary>How many of the agent's messages showed each behaviour: the practised skills KPIs are compared with.</summary>
    private static Dictionary<string, int> BehavioursShown(IReadOnlyList<Utterance> transcript) =>
        transcript.Where(u => u.Speaker == Speaker.Agent)
            .SelectMany(u => BehaviourNames.ToNames(u.Labels))
            .GroupBy(name => name)
            .ToDictionary(g => g.Key, g => g.Count());
}
