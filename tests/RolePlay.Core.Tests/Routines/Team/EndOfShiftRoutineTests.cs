using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using static RolePlay.Core.Tests.Routines.Team.Planning;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Tests.Routines.Team;

public sealed class EndOfShiftRoutineTests : IAsyncLifetime
{
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();
    private RoutineHarness _h = null!;

    // Monday 23 November 2026, 08:00 UTC.
    public async Task InitializeAsync() => _h = await RoutineHarness.StartAsync(Utc("2026-11-23T08:00:00Z"));

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    private Task<PersonRecord> WithShiftAsync(string id, string zone, TimeOnly end, Func<PersonRecord, PersonRecord>? change = null) =>
        _h.AddMemberAsync(id, zone, p => RoutineSettings.WithShiftEnd(change?.Invoke(p) ?? p, end, _h.Clock.GetUtcNow()));

    [Theory]
    [InlineData("America/Chicago", "2026-11-23T23:30:00Z", "2026-11-24T23:30:00Z")]
    [InlineData("Asia/Kolkata", "2026-11-23T12:00:00Z", "2026-11-24T12:00:00Z")]
    public async Task The_card_goes_out_at_the_shift_end_and_the_index_moves_to_the_next_shift(string zone, string due, string next)
    {
        await WithShiftAsync("ana", zone, new TimeOnly(17, 30));
        var routine = _h.EndOfShift();

        Assert.Empty(await routine.PlanAsync(Utc(due).AddMinutes(-1)));
        var planned = Assert.Single(await routine.PlanAsync(Utc(due)));
        Assert.Equal(new RoutineTarget.Person(RoutineHarness.Key("ana")), planned.To);
        Assert.Equal("2026-11-23", planned.OccasionKey);
        var card = await planned.CardAsync();
        Assert.Contains("log one phrase that unlocked a customer", card.Text());
        var input = Assert.IsType<Cards.TextInput>(Assert.Single(card.Inputs));
        Assert.Equal(Inputs.Phrase, input.Id);
        Assert.Equal(CardVerbs.LogPhrase, Assert.IsType<Cards.SubmitAction>(Assert.Single(card.Actions)).Verb);

        await planned.AfterSentAsync!(new ProactiveOutcome.Sent("m1"), CancellationToken.None);
        Assert.Equal(Utc(next), (await _h.People.GetAsync(RoutineHarness.Key("ana"), CancellationToken.None))!.NextShiftEndUtc);
        Assert.Empty(await routine.PlanAsync(Utc(due)));
        Assert.Single(await routine.PlanAsync(Utc(next)));
    }

    [Theory]
    // Spring forward in Chicago (2027-03-14 02:00→03:00): 02:30 is after the jump, 03:30 CDT = 08:30 UTC.
    [InlineData("America/Chicago", 2, 30, "2027-03-13T12:00:00Z", "2027-03-14T08:30:00Z")]
    // Fall back in Berlin (2026-10-25 03:00→02:00): 02:30 happens twice; the first is 00:30 UTC.
    [InlineData("Europe/Berlin", 2, 30, "2026-10-24T12:00:00Z", "2026-10-25T00:30:00Z")]
    public async Task A_night_shift_ending_in_a_DST_gap_or_overlap_is_asked_once(string zone, int hour, int minute, string now, string due)
    {
        _h.Clock.AdjustTime(Utc(now));
        await WithShiftAsync("ana", zone, new TimeOnly(hour, minute), p => p with { WorkingDays = EveryDay });
        var routine = _h.EndOfShift();
        var planned = Assert.Single(await routine.PlanAsync(Utc(due)));
        await planned.AfterSentAsync!(new ProactiveOutcome.Sent(null), CancellationToken.None);
        var next = (await _h.People.GetAsync(RoutineHarness.Key("ana"), CancellationToken.None))!.NextShiftEndUtc!.Value;
        Assert.True(next - Utc(due) >= TimeSpan.FromHours(23), $"the next shift end {next:O} is the next day");
        Assert.Empty(await routine.PlanAsync(Utc(due).AddHours(1)));
    }

    [Fact]
    public async Task Paused_opted_out_and_teamless_people_get_nothing()
    {
        var now = _h.Clock.GetUtcNow();
        await WithShiftAsync("ana", "Europe/London", new TimeOnly(17, 0), p => PersonSettings.Pause(p, new DateOnly(2026, 11, 25), now));
        await WithShiftAsync("ben", "Europe/London", new TimeOnly(17, 0), p => PersonSettings.OptOut(p, now));
        await WithShiftAsync("cy", "Europe/London", new TimeOnly(17, 0), p => p with { TeamId = null });
        await WithShiftAsync("dee", "Europe/London", new TimeOnly(17, 0));

        var planned = await _h.EndOfShift().PlanAsync(Utc("2026-11-23T17:00:00Z"));
        Assert.Equal(["dee"], planned.Select(p => p.To.RecipientId));
        // Ana's pause ends on Wednesday: her first shift end after it.
        Assert.Equal(Utc("2026-11-25T17:00:00Z"), (await _h.People.GetAsync(RoutineHarness.Key("ana"), CancellationToken.None))!.NextShiftEndUtc);
        Assert.Null((await _h.People.GetAsync(RoutineHarness.Key("ben"), CancellationToken.None))!.NextShiftEndUtc);
    }

    [Fact]
    public async Task Two_hosts_plan_the_same_claim_and_shift_off_removes_the_person_from_the_index()
    {
        var ana = await WithShiftAsync("ana", "Europe/London", new TimeOnly(17, 0));
        var first = await _h.EndOfShift().PlanAsync(Utc("2026-11-23T17:00:00Z"));
        var second = await _h.EndOfShift().PlanAsync(Utc("2026-11-23T17:00:00Z"));
        Assert.Equal(first.Claims(), second.Claims());
        Assert.Single(first);

        await _h.People.SaveAsync(RoutineSettings.WithShiftEnd(ana, null, _h.Clock.GetUtcNow()), CancellationToken.None);
        Assert.Empty(await _h.People.ListShiftEndsDueAsync(RoutineHarness.Tenant, Utc("2026-11-23T17:00:00Z"), CancellationToken.None));
        Assert.Empty(await _h.EndOfShift().PlanAsync(Utc("2026-11-23T17:00:00Z")));
    }

    [Fact]
    public async Task A_logged_phrase_lands_in_the_teams_library_tagged_with_its_behaviour()
    {
        await WithShiftAsync("ana", "Europe/London", new TimeOnly(17, 0));
        var result = await _h.Answers().OnCardAsync(Submit("ana", CardVerbs.LogPhrase,
            new() { [Inputs.Phrase] = "That sounds really frustrating, I'm sorry you've been waiting." }), CancellationToken.None);

        Assert.Contains("phrase library", Assert.IsType<TextOut>(Assert.Single(result.Replies)).Text);
        Assert.NotNull(result.ReplaceCard);
        var phrase = Assert.Single(await _h.Phrases.ListAsync(RoutineHarness.Tenant, RoutineHarness.TeamId, 10, CancellationToken.None));
        Assert.Equal(RoutineHarness.Key("ana"), phrase.Author);
        Assert.Equal("empathy", phrase.Behaviour);
        Assert.StartsWith("That sounds", phrase.Text);
    }

    [Fact]
    public async Task An_empty_phrase_is_refused_on_the_card_and_nothing_is_stored()
    {
        await WithShiftAsync("ana", "Europe/London", new TimeOnly(17, 0));
        var result = await _h.Answers().OnCardAsync(Submit("ana", CardVerbs.LogPhrase, new() { [Inputs.Phrase] = "  " }), CancellationToken.None);
        Assert.True(result.InputErrors!.ContainsKey(Inputs.Phrase));
        Assert.Empty(await _h.Phrases.ListAsync(RoutineHarness.Tenant, RoutineHarness.TeamId, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Forgetting_a_person_removes_their_shift_end_index_row()
    {
        await WithShiftAsync("ana", "Europe/London", new TimeOnly(17, 0));
        await _h.PersonalData.ForgetAsync(RoutineHarness.Key("ana"), CancellationToken.None);
        Assert.Empty(await _h.People.ListShiftEndsDueAsync(RoutineHarness.Tenant, Utc("2026-11-23T17:00:00Z"), CancellationToken.None));
    }

    internal static CardSubmitted Submit(string userId, string verb, Dictionary<string, string> values) =>
        new(RoutineHarness.User(userId), new ConversationAddress("slack", "T1", "D-" + userId, ConversationKind.Personal),
            DateTimeOffset.UnixEpoch, verb, values);
}
