using System.Security.Cryptography;
using System.Text;
using RolePlay.Core.Chat;
using RolePlay.Core.Insights;
using RolePlay.Core.LearningRecords;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Core.Recognition;

/// <summary>How many recognitions one manager can give a day, so recognition stays meaningful.</summary>
public sealed record RecognitionPolicy(int DailyCapPerManager = 5);

/// <summary>Reactions in a set-up team's channels (its channel posts and their threads) are what count as peer
/// feedback: a team manager's recognition emoji records a recognition for the message's author, capped per manager per
/// local day; anyone's empathy-win emoji is counted. Taking a reaction back removes what it recorded. Reacting to your
/// own message counts for nothing.</summary>
public sealed class RecognitionService(IPeopleStore people, ITeamStore teams, IRecognitionStore recognitions,
    RecognitionPolicy policy, IInsightsRecorder insights, ILearningRecords records, TimeProvider time)
{
    public async Task<RouterResult> OnReactionAsync(ReactionChanged reaction, CancellationToken ct)
    {
        if (reaction.Conversation.Kind == ConversationKind.Personal
            || string.IsNullOrEmpty(reaction.MessageAuthorId)
            || reaction.MessageAuthorId == reaction.From.UserId
            || TeamSetupParser.NormaliseEmoji(reaction.Reaction) is not { } emoji)
        {
            return RouterResult.Nothing;
        }

        var tenant = new TenantScope(reaction.From.Platform, reaction.From.TenantId);
        var teamId = await TeamSettings.TeamIdOfAsync(teams, tenant, reaction.Conversation, ct).ConfigureAwait(false);
        var team = await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false);
        RecognitionKind? kind = team is null ? null
            : emoji == team.RecognitionEmoji ? RecognitionKind.Recognition
            : emoji == team.EmpathyWinEmoji ? RecognitionKind.EmpathyWin
            : null;
        if (kind is null)
        {
            return RouterResult.Nothing;
        }

        var reactor = new PersonKey(tenant, reaction.From.UserId);
        var id = RecognitionId(reactor, reaction.MessageId, kind.Value);
        var now = time.GetUtcNow();
        if (!reaction.Added)
        {
            // It is stored in the week it was added in: this week, or last week for a reaction taken back soon after.
            var today = DueBucket.Day(now);
            if (await FindAsync(tenant, teamId, id, today, ct).ConfigureAwait(false) is not { } withdrawn)
            {
                return RouterResult.Nothing; // never recorded, or its removal is a retried event
            }

            await insights.RecognitionRemovedAsync(withdrawn, ct).ConfigureAwait(false);
            await recognitions.RemoveAsync(tenant, teamId, id, DueBucket.Day(withdrawn.AtUtc), ct).ConfigureAwait(false);
            await records.RecognitionWithdrawnAsync(withdrawn, now, ct).ConfigureAwait(false);

            return RouterResult.Nothing;
        }

        var record = new RecognitionRecord(tenant, teamId, id, reactor, new PersonKey(tenant, reaction.MessageAuthorId),
            reaction.MessageId, reaction.Conversation.ThreadId is null ? "channel_message" : "thread_reply", emoji, now, kind.Value);
        if (kind == RecognitionKind.EmpathyWin)
        {
            await recognitions.AddAsync(record, ct).ConfigureAwait(false);
            await insights.RecognitionAddedAsync(record, ct).ConfigureAwait(false);
            await records.RecognizedAsync(record, ct).ConfigureAwait(false);
            return RouterResult.Nothing;
        }

        var manager = await people.GetAsync(reactor, ct).ConfigureAwait(false);
        if (!TeamSettings.IsManagerOf(manager, teamId))
        {
            return RouterResult.Nothing;
        }

        var given = await GivenTodayAsync(tenant, teamId, reactor, manager!.TimeZone, now, ct).ConfigureAwait(false);
        if (given.Any(r => r.RecognitionId == id))
        {
            return RouterResult.Nothing;
        }

        if (given.Count >= policy.DailyCapPerManager)
        {
            return new RouterResult([new TextOut(
                $"You've already given {given.Count} recognitions today, the daily limit, so this one wasn't recorded. " +
                "It resets at midnight your time — keeping it scarce keeps it meaningful.")
            {
                VisibleTo = reaction.From,
                Target = reaction.Conversation,
            }]);
        }

        await recognitions.AddAsync(record, ct).ConfigureAwait(false);
        await insights.RecognitionAddedAsync(record, ct).ConfigureAwait(false);
        await records.RecognizedAsync(record, ct).ConfigureAwait(false);
        return RouterResult.Nothing;
    }

    /// <summary>A recognition of this week or the last (a reaction taken back soon after it was added).</summary>
    private async Task<RecognitionRecord?> FindAsync(TenantScope tenant, string teamId, string id, DateOnly today, CancellationToken ct)
    {
        foreach (var day in new[] { today, today.AddDays(-7) })
        {
            if ((await recognitions.ListWeekAsync(tenant, teamId, day, ct).ConfigureAwait(false)).FirstOrDefault(r => r.RecognitionId == id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The manager's recognitions since their local midnight. Their day may straddle two UTC weeks (a Monday
    /// morning east of UTC starts on Sunday UTC), so both week partitions are read then.</summary>
    private async Task<IReadOnlyList<RecognitionRecord>> GivenTodayAsync(TenantScope tenant, string teamId, PersonKey manager,
        string timeZone, DateTimeOffset now, CancellationToken ct)
    {
        var zone = LocalClock.Zone(timeZone);
        var midnight = LocalClock.ToInstant(LocalClock.Today(now, zone), TimeOnly.MinValue, zone);
        var weeks = new[] { DueBucket.Day(midnight), DueBucket.Day(now) }.Select(WeekBucket.Monday).Distinct();
        var found = new List<RecognitionRecord>();
        foreach (var monday in weeks)
        {
            found.AddRange(await recognitions.ListWeekAsync(tenant, teamId, monday, ct).ConfigureAwait(false));
        }

        return found.Where(r => r.Kind == RecognitionKind.Recognition && r.ReactedBy == manager && r.AtUtc >= midnight).ToList();
    }

    /// <summary>One id per (who, which message, which kind): a retried event or a re-added reaction lands on the same row.</summary>
    private static string RecognitionId(PersonKey reactor, string messageId, RecognitionKind kind) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{reactor.UserId}\n{messageId}\n{kind}")))[..32].ToLowerInvariant();
}
