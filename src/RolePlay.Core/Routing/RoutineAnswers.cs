using RolePlay.Core.Chat;
using RolePlay.Core.Detection;
using RolePlay.Core.Insights;
using RolePlay.Core.LearningRecords;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Routing;

/// <summary>The answers to routine cards, routed here by <see cref="PracticeRouter"/>: a phrase logged at the end of a
/// shift (tagged with the behaviour the detector sees in it, stored in the team's library) and a check-in on a
/// commitment (stored against it, by whoever answered: the learner or their current buddy).</summary>
public sealed class RoutineAnswers(
    IPeopleStore people,
    ILearningStore learning,
    IPhraseStore phrases,
    BuddyCheckInRoutine checkIns,
    IBehaviourDetector detector,
    IInsightsRecorder insights,
    ILearningRecords records,
    TimeProvider time)
{
    public static bool Handles(string verb) => verb is CardVerbs.LogPhrase or CardVerbs.CheckIn;

    public Task<RouterResult> OnCardAsync(CardSubmitted card, CancellationToken ct) => card.Verb switch
    {
        CardVerbs.LogPhrase => LogPhraseAsync(card, ct),
        _ => CheckInAsync(card, ct),
    };

    private async Task<RouterResult> LogPhraseAsync(CardSubmitted card, CancellationToken ct)
    {
        var text = Value(card, Inputs.Phrase)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return RouterResult.Refuse(Inputs.Phrase, "Write the phrase you said, as you said it.");
        }

        if (text.Length > CommonCards.MaxReflectionLength)
        {
            return RouterResult.Refuse(Inputs.Phrase, $"Keep it under {CommonCards.MaxReflectionLength} characters.");
        }

        var person = await people.GetAsync(KeyOf(card.From), ct).ConfigureAwait(false);
        if (person?.TeamId is not { } teamId)
        {
            return RouterResult.Say("Phrases go into your team's library, and you're not in a team yet: type “team join” in your team's channel first.");
        }

        var behaviour = Tag(text);
        await phrases.AddAsync(new PhraseRecord(person.Key.Tenant, teamId, Guid.NewGuid().ToString("N"), person.Key, text, behaviour,
            time.GetUtcNow()), ct).ConfigureAwait(false);
        var tagged = behaviour is null ? "" : $" (I hear {behaviour.Replace('_', ' ')} in it)";
        return new RouterResult(
            [new TextOut($"Logged to your team's phrase library{tagged}. Thank you — someone will borrow it tomorrow.")],
            ReplaceCard: CommonCards.Acknowledged("routine.phrase", $"You logged: “{text}”"));
    }

    /// <summary>The first helpful behaviour the detector sees (blame and dismissal never tag a phrase worth sharing).</summary>
    private string? Tag(string text) => detector.Explain(text)
        .Select(e => e.Behaviour)
        .Where(b => b is not (Behaviour.Blame or Behaviour.Dismissive))
        .Select(BehaviourNames.ToName)
        .FirstOrDefault();

    private async Task<RouterResult> CheckInAsync(CardSubmitted card, CancellationToken ct)
    {
        if (!WireName.TryParse<TeamRoutineCards.CheckInOutcome>(Value(card, Inputs.CheckInOutcome), out var outcome))
        {
            return RouterResult.Refuse(Inputs.CheckInOutcome, "Choose kept, partly or not yet.");
        }

        var note = Value(card, Inputs.CheckInNote)?.Trim() ?? "";
        if (note.Length > CommonCards.MaxReflectionLength)
        {
            return RouterResult.Refuse(Inputs.CheckInNote, $"Keep it under {CommonCards.MaxReflectionLength} characters.");
        }

        var by = KeyOf(card.From);
        var learnerId = Value(card, Inputs.Learner);
        var commitmentId = Value(card, Inputs.CommitmentId);
        if (string.IsNullOrEmpty(learnerId) || string.IsNullOrEmpty(commitmentId))
        {
            return RouterResult.Say("I couldn't tell which commitment that was.");
        }

        var learnerKey = new PersonKey(by.Tenant, learnerId);
        var learner = await people.GetAsync(learnerKey, ct).ConfigureAwait(false);
        var commitment = learner is null ? null : await learning.GetCommitmentAsync(learnerKey, commitmentId, ct).ConfigureAwait(false);
        if (learner is null || commitment is null)
        {
            return RouterResult.Say("I couldn't find that commitment any more.");
        }

        // Card data comes back from the client: only the learner and their current buddies may answer for it.
        if (by != learnerKey && !(await checkIns.BuddiesOfAsync(learner, ct).ConfigureAwait(false)).Contains(by))
        {
            return RouterResult.Say("Only the person who made this commitment and their current buddy can check in on it.");
        }

        var now = time.GetUtcNow();
        var wire = WireName.Of(outcome);
        var checkIn = new CheckInRecord(learnerKey, commitmentId, by, note.Length == 0 ? wire : $"{wire}: {note}",
            outcome == TeamRoutineCards.CheckInOutcome.Kept, now);
        await learning.AddCheckInAsync(checkIn, ct).ConfigureAwait(false);
        await insights.CheckedInAsync(checkIn, ct).ConfigureAwait(false);
        await records.CheckedInAsync(checkIn, commitment, ct).ConfigureAwait(false);
        await UpdateStatusAsync(commitment, StatusOf(outcome), ct).ConfigureAwait(false);

        var thanks = by == learnerKey ? "Thanks for checking in on yourself." : $"Thanks for checking in on {learner.DisplayName}.";
        return new RouterResult([new TextOut(thanks)],
            ReplaceCard: CommonCards.Acknowledged("routine.checkin", $"Check-in saved: {wire.Replace('_', ' ')}."));
    }

    /// <summary>Kept closes the commitment as kept, "not yet" as dropped (a new debrief makes a new one), "partly"
    /// leaves it open. The latest answer wins.</summary>
    public static CommitmentStatus StatusOf(TeamRoutineCards.CheckInOutcome outcome) => outcome switch
    {
        TeamRoutineCards.CheckInOutcome.Kept => CommitmentStatus.Kept,
        TeamRoutineCards.CheckInOutcome.NotYet => CommitmentStatus.Dropped,
        _ => CommitmentStatus.Open,
    };

    private async Task UpdateStatusAsync(CommitmentRecord commitment, CommitmentStatus status, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3 && commitment.Status != status; attempt++)
        {
            try
            {
                await learning.SaveCommitmentAsync(commitment with { Status = status }, ct).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                commitment = await learning.GetCommitmentAsync(commitment.Person, commitment.CommitmentId, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Commitment {commitment.CommitmentId} disappeared while it was being updated.");
            }
        }
    }

    private static PersonKey KeyOf(ChannelUser user) => new(user.Platform, user.TenantId, user.UserId);

    private static string? Value(CardSubmitted card, string key) => card.Values.TryGetValue(key, out var value) ? value : null;
}
