using System.Runtime.CompilerServices;
using RolePlay.Core.Chat;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Routines;

/// <summary>
/// The weekly celebration in the team's standup channel (Friday 16:00 in the team's zone unless the team chose another
/// day and time, or "off"): the week's recognitions and empathy wins (one partition: the week's recognitions) and the
/// phrases logged since Monday (newest first from the phrase library), as one card. A week with none of these posts
/// nothing. The content is read when planning, so an empty week plans no message at all.
/// </summary>
public sealed class WeeklyCelebrationRoutine(ITeamStore teams, IRecognitionStore recognitions, IPhraseStore phrases, IPeopleStore people) : IRoutine
{
    /// <summary>More than a week's phrases are never read; the card quotes the newest few.</summary>
    private const int PhraseReadLimit = 200;

    public RoutineKind Kind => RoutineKind.WeeklyCelebration;

    public async IAsyncEnumerable<PlannedMessage> PlanAsync(TenantScope tenant, DateTimeOffset minuteUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        var minute = DueBucket.Minute(minuteUtc);
        foreach (var team in await teams.ListAsync(tenant, ct).ConfigureAwait(false))
        {
            if (TeamSchedule.CelebrationDate(team, minute) is { } date
                && await GatherAsync(team, date, minute, ct).ConfigureAwait(false) is { IsEmpty: false } week)
            {
                yield return Plan(team, TeamSchedule.Occasion(date), minute, week);
            }
        }
    }

    public async IAsyncEnumerable<PlannedMessage> PlanNowAsync(TenantScope tenant, string teamId, DateTimeOffset nowUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        if (await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false) is { StandupChannelId: not null } team
            && await GatherAsync(team, LocalClock.Today(nowUtc, LocalClock.Zone(team.TimeZone)), nowUtc, ct).ConfigureAwait(false) is { IsEmpty: false } week)
        {
            yield return Plan(team, TeamSchedule.NowOccasion(nowUtc), nowUtc, week);
        }
    }

    /// <summary>The week (Monday to <paramref name="untilUtc"/>) that contains <paramref name="localDate"/>.</summary>
    public async Task<TeamRoutineCards.CelebrationContent> GatherAsync(TeamRecord team, DateOnly localDate, DateTimeOffset untilUtc, CancellationToken ct)
    {
        var monday = WeekBucket.Monday(localDate);
        var since = LocalClock.ToInstant(monday, TimeOnly.MinValue, LocalClock.Zone(team.TimeZone));
        var week = await recognitions.ListWeekAsync(team.Tenant, team.TeamId, localDate, ct).ConfigureAwait(false);
        var logged = (await phrases.ListAsync(team.Tenant, team.TeamId, PhraseReadLimit, ct).ConfigureAwait(false))
            .Where(p => p.AtUtc >= since && p.AtUtc <= untilUtc)
            .Take(TeamRoutineCards.MaxCelebrationPhrases)
            .ToArray();

        var names = new Dictionary<PersonKey, string>();
        foreach (var key in week.Select(r => r.Recipient).Concat(logged.Select(p => p.Author)).Distinct())
        {
            names[key] = (await people.GetAsync(key, ct).ConfigureAwait(false))?.DisplayName ?? key.UserId;
        }

        return new TeamRoutineCards.CelebrationContent(
            monday,
            Tally(week.Where(r => r.Kind == RecognitionKind.Recognition), names),
            Tally(week.Where(r => r.Kind == RecognitionKind.EmpathyWin), names),
            logged.Select(p => (p.Text, names[p.Author], p.Behaviour)).ToArray());
    }

    private static IReadOnlyList<(string Name, int Count)> Tally(IEnumerable<RecognitionRecord> records, IReadOnlyDictionary<PersonKey, string> names) =>
        records.GroupBy(r => r.Recipient)
            .Select(g => (names[g.Key], g.Count()))
            .OrderBy(t => t.Item1, StringComparer.Ordinal) // by name: a thank-you, not a leaderboard
            .ToArray();

    private static PlannedMessage Plan(TeamRecord team, string occasion, DateTimeOffset due, TeamRoutineCards.CelebrationContent week) => new(
        RoutineKind.WeeklyCelebration,
        new RoutineTarget.Channel(team.Tenant, team.StandupChannelId!),
        occasion,
        due,
        _ => Task.FromResult<IReadOnlyList<Outgoing>>([new CardOut(TeamRoutineCards.Celebration(week))]));
}
