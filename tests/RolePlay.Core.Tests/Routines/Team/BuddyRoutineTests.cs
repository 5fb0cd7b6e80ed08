using RolePlay.Core.Chat;
using RolePlay.Core.Insights;
using RolePlay.Core.Routines;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using static RolePlay.Core.Tests.Routines.Team.Planning;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Tests.Routines.Team;

/// <summary>Buddy pairing and the check-in a week after a commitment, on real SQLite.</summary>
public sealed class BuddyRoutineTests : IAsyncLifetime
{
    private RoutineHarness _h = null!;

    // Monday 23 November 2026, before any routine is due.
    public async Task InitializeAsync() => _h = await RoutineHarness.StartAsync(Utc("2026-11-23T06:00:00Z"));

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    [Theory]
    // Pairing defaults to Monday 10:00 in the team's zone.
    [InlineData("Europe/London", "2026-11-23T10:00:00Z")]
    [InlineData("America/Los_Angeles", "2026-11-23T18:00:00Z")]
    public async Task Each_active_member_gets_a_card_naming_their_buddies_and_the_round_is_stored(string zone, string due)
    {
        await _h.SaveTeamAsync(zone);
        var now = _h.Clock.GetUtcNow();
        foreach (var id in new[] { "ana", "ben", "cy" })
        {
            await _h.AddMemberAsync(id, zone);
        }

        await _h.AddMemberAsync("dee", zone, p => PersonSettings.Pause(p, null, now));
        await _h.AddMemberAsync("eve", zone, p => PersonSettings.OptOut(p, now));
        await _h.AddMemberAsync("fay", zone, p => PersonSettings.MarkUnreachable(p, now));

        var routine = _h.Pairer();
        Assert.Empty(await routine.PlanAsync(Utc(due).AddMinutes(-1)));
        var planned = await routine.PlanAsync(Utc(due));

        Assert.Equal(["ana", "ben", "cy"], planned.Select(p => p.To.RecipientId).Order());
        Assert.All(planned, p => Assert.Equal("round-1", p.OccasionKey));
        var round = Assert.Single(await _h.Pairing.ListRecentAsync(RoutineHarness.Tenant, RoutineHarness.TeamId, 5, CancellationToken.None));
        var trio = Assert.Single(round.Pairs);
        Assert.NotNull(trio.Third);
        foreach (var message in planned)
        {
            var text = (await message.CardAsync()).Text();
            Assert.Contains("trio", text);
            var others = new[] { "Ana", "Ben", "Cy" }.Where(n => !n.Equals(message.To.RecipientId, StringComparison.OrdinalIgnoreCase));
            Assert.All(others, name => Assert.Contains(name, text));
        }
    }

    [Fact]
    public async Task A_second_host_planning_the_same_minute_reads_the_stored_round_instead_of_pairing_again()
    {
        await _h.SaveTeamAsync("Europe/London");
        foreach (var id in new[] { "ana", "ben", "cy", "dee", "eve", "fay" })
        {
            await _h.AddMemberAsync(id);
        }

        var first = await _h.Pairer().PlanAsync(Utc("2026-11-23T10:00:00Z"));
        // Between the two plans someone new joins: a second pairing would differ, so only reading the stored round agrees.
        await _h.AddMemberAsync("gus");
        var second = await _h.Pairer().PlanAsync(Utc("2026-11-23T10:00:00Z"));

        Assert.Equal(first.Claims(), second.Claims());
        Assert.Single(await _h.Pairing.ListRecentAsync(RoutineHarness.Tenant, RoutineHarness.TeamId, 5, CancellationToken.None));
    }

    [Fact]
    public async Task A_minute_planned_again_after_a_run_now_plans_its_own_round_not_a_new_one()
    {
        await _h.SaveTeamAsync("Europe/London");
        foreach (var id in new[] { "ana", "ben", "cy", "dee" })
        {
            await _h.AddMemberAsync(id);
        }

        var scheduled = await _h.Pairer().PlanAsync(Utc("2026-11-23T10:00:00Z"));
        var now = await _h.Pairer().PlanNowAsync(Utc("2026-11-23T10:05:00Z"));
        var replayed = await _h.Pairer().PlanAsync(Utc("2026-11-23T10:00:00Z"));

        Assert.All(now, p => Assert.Equal("round-2", p.OccasionKey));
        Assert.Equal(scheduled.Claims(), replayed.Claims());
        Assert.Equal(2, (await _h.Pairing.ListRecentAsync(RoutineHarness.Tenant, RoutineHarness.TeamId, 5, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Cadence_fortnightly_skips_every_other_week_and_off_pairs_nobody()
    {
        await _h.SaveTeamAsync("Europe/London", change: t => t with { Pairing = PairingCadence.Fortnightly, PairingDay = DayOfWeek.Tuesday, PairingTime = new TimeOnly(11, 0) });
        await _h.AddMemberAsync("ana");
        await _h.AddMemberAsync("ben");
        var routine = _h.Pairer();
        var weeks = new[] { "2026-11-24T11:00:00Z", "2026-12-01T11:00:00Z", "2026-12-08T11:00:00Z", "2026-12-15T11:00:00Z" };
        var counts = new List<int>();
        foreach (var week in weeks)
        {
            counts.Add((await routine.PlanAsync(Utc(week))).Count);
        }

        Assert.Equal(2, counts.Count(c => c == 2));
        Assert.NotEqual(counts[0] > 0, counts[1] > 0);
        Assert.Equal(counts[0] > 0, counts[2] > 0);

        await _h.SaveTeamAsync("Europe/London", change: t => t with { Pairing = PairingCadence.Off });
        foreach (var week in weeks)
        {
            Assert.Empty(await routine.PlanAsync(Utc(week)));
        }
    }

    [Fact]
    public async Task An_exclusion_on_one_side_keeps_two_people_apart_in_stored_rounds()
    {
        await _h.SaveTeamAsync("Europe/London");
        await _h.AddMemberAsync("ana", change: p => RoutineSettings.TryExclude(p, "ben", out var u) ? u : p);
        foreach (var id in new[] { "ben", "cy", "dee" })
        {
            await _h.AddMemberAsync(id);
        }

        var routine = _h.Pairer();
        for (var week = 0; week < 6; week++)
        {
            await routine.PlanAsync(Utc("2026-11-23T10:00:00Z").AddDays(7 * week));
        }

        var rounds = await _h.Pairing.ListRecentAsync(RoutineHarness.Tenant, RoutineHarness.TeamId, 10, CancellationToken.None);
        Assert.Equal(6, rounds.Count);
        Assert.All(rounds.SelectMany(r => r.Pairs), p => Assert.False(
            p.Members().Contains(RoutineHarness.Key("ana")) && p.Members().Contains(RoutineHarness.Key("ben"))));
    }

    private async Task<CommitmentRecord> CommitAsync(string learner, DateOnly checkInDay) =>
        await _h.Learning.SaveCommitmentAsync(new CommitmentRecord(RoutineHarness.Key(learner), "c-" + learner, "s1", "summary",
            "Summarise before solving", checkInDay, CommitmentStatus.Open, _h.Clock.GetUtcNow()), CancellationToken.None);

    /// <summary>Ana and Ben are buddies in the latest round; Cy is in the team but not their buddy.</summary>
    private async Task PairAnaAndBenAsync(string zone)
    {
        await _h.SaveTeamAsync(zone);
        await _h.AddMemberAsync("ana", zone, p => p with { DailyPromptTime = new TimeOnly(8, 45) });
        await _h.AddMemberAsync("ben", zone);
        await _h.AddMemberAsync("cy", zone);
        await _h.Pairing.SaveRoundAsync(new PairingRound(RoutineHarness.Tenant, RoutineHarness.TeamId, 1, _h.Clock.GetUtcNow(),
            [new PairRecord(RoutineHarness.Key("ben"), RoutineHarness.Key("ana"))], [RoutineHarness.Key("cy")]), CancellationToken.None);
    }

    [Theory]
    // Ana's prompt time is 08:45 on her check-in day: in Tokyo that is 23:45 UTC the day before; in New York on the
    // day DST ends (Sunday 1 November 2026) it is 13:45 UTC (EST), not 12:45.
    [InlineData("Asia/Tokyo", "2026-11-30", "2026-11-29T23:45:00Z", "2026-11-30T08:45:00Z")]
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T13:45:00Z", "2026-11-01T12:45:00Z")]
    public async Task The_learner_and_their_buddy_are_asked_at_the_learners_prompt_time(string zone, string day, string due, string notDue)
    {
        _h.Clock.AdjustTime(Utc("2026-10-20T00:00:00Z"));
        await PairAnaAndBenAsync(zone);
        var commitment = await CommitAsync("ana", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        var routine = _h.CheckIn();

        Assert.Empty(await routine.PlanAsync(Utc(notDue)));
        var planned = await routine.PlanAsync(Utc(due));
        Assert.Equal(["ana", "ben"], planned.Select(p => p.To.RecipientId).Order());
        Assert.All(planned, p => Assert.Equal(commitment.CommitmentId, p.OccasionKey));
        var toBen = await planned.Single(p => p.To.RecipientId == "ben").CardAsync();
        Assert.Contains("Ana committed to: “Summarise before solving”", toBen.Text());
        var toAna = await planned.Single(p => p.To.RecipientId == "ana").CardAsync();
        Assert.Contains("you committed to", toAna.Text());
        Assert.Equal(CardVerbs.CheckIn, Assert.IsType<Cards.SubmitAction>(Assert.Single(toAna.Actions)).Verb);

        Assert.Equal(planned.Claims(), (await _h.CheckIn().PlanAsync(Utc(due))).Claims());
    }

    [Fact]
    public async Task A_buddys_answer_is_stored_against_the_commitment_and_updates_its_status()
    {
        await PairAnaAndBenAsync("Europe/London");
        var commitment = await CommitAsync("ana", new DateOnly(2026, 11, 30));
        var answers = _h.Answers();
        var values = new Dictionary<string, string>
        {
            [Inputs.Learner] = "ana", [Inputs.CommitmentId] = commitment.CommitmentId,
            [Inputs.CheckInOutcome] = "kept", [Inputs.CheckInNote] = "She summarised twice on Tuesday's call.",
        };

        var reply = await answers.OnCardAsync(EndOfShiftRoutineTests.Submit("ben", CardVerbs.CheckIn, values), CancellationToken.None);
        Assert.Contains("Ana", Assert.IsType<TextOut>(Assert.Single(reply.Replies)).Text);

        var checkIn = Assert.Single(await _h.Learning.ListCheckInsAsync(RoutineHarness.Key("ana"), commitment.CommitmentId, CancellationToken.None));
        Assert.Equal(RoutineHarness.Key("ben"), checkIn.By);
        Assert.True(checkIn.Kept);
        Assert.Equal("kept: She summarised twice on Tuesday's call.", checkIn.Text);
        Assert.Equal(CommitmentStatus.Kept, (await _h.Learning.GetCommitmentAsync(RoutineHarness.Key("ana"), commitment.CommitmentId, CancellationToken.None))!.Status);
        // Kept is no longer open, so it is not asked about again.
        Assert.Empty(await _h.Learning.ListDueForCheckInAsync(RoutineHarness.Tenant, new DateOnly(2026, 11, 30), CancellationToken.None));

        values[Inputs.CheckInOutcome] = "not_yet";
        await answers.OnCardAsync(EndOfShiftRoutineTests.Submit("ana", CardVerbs.CheckIn, values), CancellationToken.None);
        Assert.Equal(CommitmentStatus.Dropped, (await _h.Learning.GetCommitmentAsync(RoutineHarness.Key("ana"), commitment.CommitmentId, CancellationToken.None))!.Status);

        // Both answers reach the dashboard's read model for Ana's week: two check-ins, one of them kept.
        var ana = (await _h.People.GetAsync(RoutineHarness.Key("ana"), CancellationToken.None))!;
        var week = IsoWeek.Of(_h.Clock.GetUtcNow());
        var insights = Assert.Single(await _h.Insights.ListPersonWeeksAsync(ana.Key, ana.TeamId ?? InsightsRecorder.NoTeam, week, week, CancellationToken.None));
        Assert.Equal(2, insights.CheckIns);
        Assert.Equal(1, insights.CommitmentsKept);
    }

    [Fact]
    public async Task Someone_who_is_neither_the_learner_nor_their_buddy_cannot_answer()
    {
        await PairAnaAndBenAsync("Europe/London");
        var commitment = await CommitAsync("ana", new DateOnly(2026, 11, 30));
        var reply = await _h.Answers().OnCardAsync(EndOfShiftRoutineTests.Submit("cy", CardVerbs.CheckIn, new Dictionary<string, string>
        {
            [Inputs.Learner] = "ana", [Inputs.CommitmentId] = commitment.CommitmentId, [Inputs.CheckInOutcome] = "kept",
        }), CancellationToken.None);

        Assert.Contains("Only the person", Assert.IsType<TextOut>(Assert.Single(reply.Replies)).Text);
        Assert.Empty(await _h.Learning.ListCheckInsAsync(RoutineHarness.Key("ana"), commitment.CommitmentId, CancellationToken.None));
    }
}
