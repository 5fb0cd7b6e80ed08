using RolePlay.Core.Chat;
using RolePlay.Core.Insights;
using RolePlay.Core.LearningRecords;
using RolePlay.Core.Practice;
using RolePlay.Core.Routines;
using RolePlay.Core.Sessions;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Debriefing;

/// <summary>The answers to the debrief cards: how it felt (then the observations and the commitment card), and the one
/// commitment a buddy asks about a week later. The report is rebuilt from the stored session, never trusted from the card.</summary>
public sealed class DebriefConversation(
    PracticeEngine engine,
    ISessionStore sessions,
    ILearningStore learning,
    IInsightsRecorder insights,
    ILearningRecords records,
    IPairingStore pairing,
    IPeopleStore people,
    TimeProvider time)
{
    private DateTimeOffset Now => time.GetUtcNow();

    public async Task<RouterResult> FeelingsAsync(PersonRecord person, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        if (!int.TryParse(values.GetValueOrDefault(Inputs.FeelingRating), out var score) || score is < 1 or > 5)
        {
            return RouterResult.Refuse(Inputs.FeelingRating, "Choose a number from 1 to 5.");
        }

        var words = values.GetValueOrDefault(Inputs.FeelingWords) ?? "";
        if (words.Length > CommonCards.MaxReflectionLength)
        {
            return RouterResult.Refuse(Inputs.FeelingWords, $"Keep it under {CommonCards.MaxReflectionLength} characters.");
        }

        if (await EndedSessionAsync(person, values, ct).ConfigureAwait(false) is not { } stored)
        {
            return NotFound;
        }

        // Kept once: the same card delivered again (a retried click) finds the first answer.
        if (!(await learning.ListReflectionsAsync(person.Key, stored.SessionId, ct).ConfigureAwait(false)).Any(r => r.Layer == "feelings"))
        {
            await learning.AddReflectionAsync(new ReflectionRecord(person.Key, stored.SessionId, "feelings",
                $"{score}/5 {words}".Trim(), Now), ct).ConfigureAwait(false);
        }

        var report = SessionPersistence.Restore(engine, stored).Report();
        return new RouterResult(
            [
                new CardOut(DebriefCards.DebriefObservations(report) with { About = stored.SessionId }),
                new CardOut(DebriefCards.DebriefCommitment(stored.SessionId, report, await BuddyNamesAsync(person, ct).ConfigureAwait(false))
                    with { About = stored.SessionId }),
            ],
            ReplaceCard: CommonCards.Acknowledged("debrief.feelings", "Thank you for noticing how that felt."));
    }

    /// <summary>The learner's own words, else the suggestion they tapped.</summary>
    public async Task<RouterResult> CommitAsync(PersonRecord person, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var text = values.GetValueOrDefault(Inputs.Commitment)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            text = values.GetValueOrDefault(Inputs.SuggestedCommitment)?.Trim();
        }

        if (string.IsNullOrEmpty(text))
        {
            return RouterResult.Refuse(Inputs.Commitment, "Write one thing you'll try on your next shift.");
        }

        if (text.Length > CommonCards.MaxReflectionLength)
        {
            return RouterResult.Refuse(Inputs.Commitment, $"Keep it under {CommonCards.MaxReflectionLength} characters.");
        }

        if (await EndedSessionAsync(person, values, ct).ConfigureAwait(false) is not { } stored)
        {
            return NotFound;
        }

        var report = SessionPersistence.Restore(engine, stored).Report();
        var weakest = report.Rubric.OrderBy(r => r.Score).Select(r => WireName.Of(r.Criterion)).FirstOrDefault() ?? "";
        CommitmentRecord commitment;
        try
        {
            // One commitment per practice, named after it: the same card delivered again finds the first one.
            commitment = await learning.SaveCommitmentAsync(new CommitmentRecord(person.Key, stored.SessionId, stored.SessionId,
                weakest, text, PersonSettings.LocalToday(person, Now).AddDays(7), CommitmentStatus.Open, Now), ct).ConfigureAwait(false);
            await insights.CommitmentMadeAsync(person, commitment, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            commitment = await learning.GetCommitmentAsync(person.Key, stored.SessionId, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Commitment {stored.SessionId} conflicted on insert and cannot be read.");
        }

        await records.CommitmentMadeAsync(person, commitment, ct).ConfigureAwait(false);
        // One message: the card acted on becomes the confirmation (a second message would echo the commitment). A
        // suggestion ends in its own full stop, which the sentence after the quote already has.
        return new RouterResult([], ReplaceCard: CommonCards.Acknowledged("debrief.commitment",
            $"Committed: “{commitment.Text.TrimEnd('.')}”. I'll ask {WhoIsAsked(await BuddyNamesAsync(person, ct).ConfigureAwait(false))} how it went on {commitment.CheckInDay:dddd d MMMM}."));
    }

    private static string WhoIsAsked(string? buddies) => buddies is null ? "you" : $"you and {buddies}";

    /// <summary>The person's buddies by name ("Ana and Ben"), null without one: a buddy is named only to someone who has one.</summary>
    private async Task<string?> BuddyNamesAsync(PersonRecord person, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var buddy in await CurrentBuddies.OfAsync(pairing, person, ct).ConfigureAwait(false))
        {
            if (await people.GetAsync(buddy, ct).ConfigureAwait(false) is { } known)
            {
                names.Add(known.DisplayName);
            }
        }

        return names.Count == 0 ? null : string.Join(" and ", names);
    }

    private static RouterResult NotFound => RouterResult.Say("I couldn't find that practice's debrief.");

    private async Task<SessionRecord?> EndedSessionAsync(PersonRecord person, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var stored = values.GetValueOrDefault(Inputs.Session) is { } sessionId
            ? await sessions.GetAsync(person.Key, sessionId, ct).ConfigureAwait(false)
            : null;
        return stored is { IsLive: false } ? stored : null;
    }
}
