using RolePlay.Core;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Practice;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>The consent check's cadence and answers, and what the daily prompt offers.</summary>
public sealed class ConsentAndPromptTests : RoutineTest
{
    // Wednesday 25 November 2026, 08:00 in London (GMT); prompts at 09:30.
    protected override DateTimeOffset Start => Utc(2026, 11, 25, 8, 0);

    private static readonly ChannelUser Kim = Person("kim");

    [Fact]
    public async Task Every_six_weeks_the_prompt_is_preceded_by_a_consent_check_and_no_answer_keeps_the_prompts()
    {
        await OptInAsync(Kim, "Europe/London", "09:30");
        await SetConsentAskedAsync(Utc(2026, 11, 25, 9, 30).AddDays(-42));

        await RunUntilAsync(Utc(2026, 11, 25, 9, 31));

        Assert.Equal(["routine.consent_check", "routine.daily_prompt"], Delivered.To(Kim.UserId).SelectMany(d => d.CardIds));
        Assert.Equal(Utc(2026, 11, 25, 9, 30), (await PersonAsync()).ConsentAskedUtc);

        // Six weeks less a minute before Thursday's prompt: not yet; six weeks before Friday's: asked again.
        await SetConsentAskedAsync(Utc(2026, 11, 26, 9, 30).AddDays(-42).AddMinutes(1));
        await RunUntilAsync(Utc(2026, 11, 27, 9, 31), TimeSpan.FromMinutes(30));

        Assert.Equal(
            ["routine.consent_check", "routine.daily_prompt", "routine.daily_prompt", "routine.consent_check", "routine.daily_prompt"],
            Delivered.To(Kim.UserId).SelectMany(d => d.CardIds));
        Assert.Equal(Utc(2026, 11, 27, 9, 30), (await PersonAsync()).ConsentAskedUtc);
    }

    [Fact]
    public async Task The_consent_check_answers_keep_pause_for_a_week_or_stop()
    {
        await OptInAsync(Kim, "Europe/London", "09:30");

        var keep = await Bot.SubmitAsync(Kim, CardVerbs.ConsentKeep, []);
        Assert.Equal("routine.consent_check", keep.ReplaceCard!.Id);
        Assert.Equal(Start, (await PersonAsync()).ConsentAskedUtc);

        await Bot.SubmitAsync(Kim, CardVerbs.ConsentPauseWeek, []);
        var paused = await PersonAsync();
        Assert.Equal(Utc(2026, 12, 2, 0, 0), paused.PausedUntilUtc);
        Assert.Equal(Utc(2026, 12, 2, 9, 30), paused.NextPromptUtc);
        Assert.Equal(ConsentState.OptedIn, paused.Consent);

        await Bot.SubmitAsync(Kim, CardVerbs.ConsentStop, []);
        var stopped = await PersonAsync();
        Assert.Equal((ConsentState.OptedOut, (DateTimeOffset?)null), (stopped.Consent, stopped.NextPromptUtc));
    }

    [Fact]
    public async Task The_prompt_offers_the_least_practised_skill_with_a_customer_not_yet_met_and_one_tap_starts_it()
    {
        await OptInAsync(Kim, "Europe/London", "09:30");
        var catalog = ContentLoader.LoadShipped().EnsureValid();
        var met = catalog.Scenarios.Values.Take(3).ToArray();
        for (var i = 0; i < met.Length; i++)
        {
            await PractisedAsync(met[i], $"s{i}", Utc(2026, 11, 20 + i, 10, 0), active: 4, alignment: 3, summary: 4, collaboration: 1);
        }

        await RunUntilAsync(Utc(2026, 11, 25, 9, 31));

        var card = Delivered.To(Kim.UserId).Single().Messages.OfType<CardOut>().Single().Card;
        Assert.Equal("routine.daily_prompt", card.Id);
        var start = card.Actions.OfType<SubmitAction>().Single(a => a.Verb == CardVerbs.Start);
        var scenario = catalog.Scenarios[start.Data[Inputs.Scenario]];
        Assert.DoesNotContain(scenario.PersonaId, met.Select(s => s.PersonaId));
        Assert.True(PracticeSuggestions.Exercises(scenario, RubricCriterion.CollaborativeProblemShaping));
        Assert.Contains(card.Body.OfType<TextBlock>(), t => t.Text.Contains("shaping the next step together", StringComparison.Ordinal));

        var started = await Bot.SubmitAsync(Kim, start.Verb, new Dictionary<string, string>(start.Data));
        Assert.Contains(started.Replies.OfType<CardOut>(), c => c.Card.Id == "practice.controls");
        var live = await Bot.People.GetWithLiveSessionAsync(KeyOf(Kim), CancellationToken.None);
        Assert.Equal(scenario.Id, live.LiveSession!.ScenarioId);
    }

    [Fact]
    public async Task Someone_who_practised_in_the_last_day_gets_a_warm_up_that_still_starts_a_practice_in_one_tap()
    {
        await OptInAsync(Kim, "Europe/London", "09:30");
        var scenario = ContentLoader.LoadShipped().EnsureValid().Scenarios.Values.First();
        await PractisedAsync(scenario, "yesterday", Utc(2026, 11, 24, 17, 0), 2, 2, 2, 2);

        await RunUntilAsync(Utc(2026, 11, 25, 9, 31));

        var card = Delivered.To(Kim.UserId).Single().Messages.OfType<CardOut>().Single().Card;
        Assert.Equal("routine.warm_up", card.Id);
        Assert.Contains(card.Actions.OfType<SubmitAction>(), a => a.Verb == CardVerbs.Start && a.Data.ContainsKey(Inputs.Scenario));
    }

    private async Task PractisedAsync(Scenario scenario, string id, DateTimeOffset ended, int active, int alignment, int summary, int collaboration)
    {
        var key = KeyOf(Kim);
        var live = new SessionRecord(key, id, scenario.Id, scenario.PersonaId, 1, 2, null, ended.AddMinutes(-5), null, "{}", 0);
        var stored = await Bot.Sessions.SaveAsync(live, [], CancellationToken.None);
        await Bot.Sessions.SaveAsync(stored with { Outcome = "resolved", EndedUtc = ended }, [], CancellationToken.None);
        await Bot.Learning.SaveRubricAsync(new RubricResultRecord(key, id,
        [
            new StoredRubricScore(WireName.Of(RubricCriterion.ActiveListening), active, []),
            new StoredRubricScore(WireName.Of(RubricCriterion.AlignmentWithValues), alignment, []),
            new StoredRubricScore(WireName.Of(RubricCriterion.ClarityOfSummary), summary, []),
            new StoredRubricScore(WireName.Of(RubricCriterion.CollaborativeProblemShaping), collaboration, []),
        ], ended), CancellationToken.None);
    }

    private async Task<PersonRecord> PersonAsync() => (await Bot.People.GetAsync(KeyOf(Kim), CancellationToken.None))!;

    private async Task SetConsentAskedAsync(DateTimeOffset asked) =>
        await Bot.People.SaveAsync(await PersonAsync() with { ConsentAskedUtc = asked }, CancellationToken.None);
}
