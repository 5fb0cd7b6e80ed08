using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Practice;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests;

/// <summary>The router end to end on real SQLite: what a person sees and what is stored.</summary>
public sealed class PracticeRouterTests : IAsyncLifetime
{
    // A Wednesday morning in London.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly ChannelUser Ana = new("teams", "tenant-a", "29:ana", "Ana");

    private static readonly string[] WarmAgent =
    [
        "I'm so sorry, that sounds really stressful, and I can hear how worried you are. What's been happening so far?",
        "So just to check I've got it right: this still isn't sorted and you need it fixed quickly — is that right?",
        "Here's what I'll do: I'll sort this myself right now and call you back by 3pm today to confirm it's done. Would a call or a text suit you better?",
        "Thank you for bearing with me. I'll stay on this until it's fixed and email you a written confirmation by 5pm today.",
        "You've been really patient. I'll personally check it tomorrow morning at 9 and message you the result.",
    ];

    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("roleplay-router-").FullName, "roleplay.db");
    private RouterHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await RouterHarness.StartAsync(_db, Now);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);
    }

    [Fact]
    public async Task The_debrief_says_how_long_each_answer_took_from_the_messages_times()
    {
        await _bot.SayAsync(Ana, "start late-delivery-birthday");
        _bot.Clock.Advance(TimeSpan.FromSeconds(12));
        await _bot.SayAsync(Ana, WarmAgent[0]);
        _bot.Clock.Advance(TimeSpan.FromSeconds(40));
        await _bot.SayAsync(Ana, "/end");
        var feelings = await _bot.SubmitAsync(Ana, CardVerbs.DebriefFeelings, new Dictionary<string, string>
        {
            [Inputs.Session] = (await _bot.Sessions.ListEndedAsync(new PersonKey("teams", "tenant-a", "29:ana"), 1, CancellationToken.None)).Single().SessionId,
            [Inputs.FeelingRating] = "4",
        });

        var observations = feelings.Replies.OfType<CardOut>().Select(c => c.Card).Single(c => c.Id == "debrief.observations");
        var texts = observations.Body.OfType<TextBlock>().Select(t => t.Text).ToList();
        var heading = texts.IndexOf("How you wrote");
        Assert.True(heading > 0, string.Join("\n", texts));
        Assert.Matches(@"^turn 1: you answered Jake's \d+-word worry in 12 seconds with \d+ words", texts[heading + 1]);
        Assert.Equal("From the timestamps and the words only: nothing here is read from how you typed or how you felt.", texts[heading + 2]);
    }

    [Fact]
    public async Task A_whole_practice_from_start_to_commitment_is_played_and_stored()
    {
        var opening = await _bot.SayAsync(Ana, "start late-delivery-birthday");
        Assert.Contains(Texts(opening), t => t.StartsWith("Coach: ", StringComparison.Ordinal) && t.Contains("pause or stop", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Texts(opening), t => t.StartsWith("Jake: ", StringComparison.Ordinal));
        Assert.Equal("practice.controls", Cards(opening).Single().Id);

        RouterResult last = opening;
        foreach (var line in WarmAgent)
        {
            last = await _bot.SayAsync(Ana, line);
            if (Cards(last).Any(c => c.Id == "debrief.feelings"))
            {
                break;
            }
        }

        var feelingsCard = Cards(last).Single(c => c.Id == "debrief.feelings");
        var sessionId = ((SubmitAction)feelingsCard.Actions.Single()).Data[Inputs.Session];
        var ended = await _bot.Sessions.GetAsync(new PersonKey("teams", "tenant-a", "29:ana"), sessionId, CancellationToken.None);
        Assert.Equal("resolved", ended!.Outcome);
        Assert.False(ended.IsLive);
        var turns = await _bot.Sessions.GetTurnsAsync(ended.Person, sessionId, CancellationToken.None);
        Assert.Equal(ended.TurnCount, turns.Count);
        Assert.Contains(turns, t => t.Speaker == "agent" && t.Labels.Contains("empathy"));
        Assert.NotNull(await _bot.Learning.GetRubricAsync(ended.Person, sessionId, CancellationToken.None));

        var missingRating = await _bot.SubmitAsync(Ana, CardVerbs.DebriefFeelings, new() { [Inputs.Session] = sessionId });
        Assert.Contains(Inputs.FeelingRating, missingRating.InputErrors!.Keys);

        var observations = await _bot.SubmitAsync(Ana, CardVerbs.DebriefFeelings,
            new() { [Inputs.Session] = sessionId, [Inputs.FeelingRating] = "4", [Inputs.FeelingWords] = "nervous at first" });
        Assert.Equal(["debrief.observations", "debrief.commitment"], Cards(observations).Select(c => c.Id));
        Assert.NotNull(observations.ReplaceCard);
        var reflections = await _bot.Learning.ListReflectionsAsync(ended.Person, sessionId, CancellationToken.None);
        Assert.Equal("4/5 nervous at first", Assert.Single(reflections).Text);

        var committed = await _bot.SubmitAsync(Ana, CardVerbs.DebriefCommit,
            new() { [Inputs.Session] = sessionId, [Inputs.Commitment] = "Name the feeling before I fix anything" });
        // One confirmation: the commitment card replaced by it (no buddy yet, so none is named), no second message.
        Assert.Empty(committed.Replies);
        var confirmation = Assert.IsType<TextBlock>(Assert.Single(committed.ReplaceCard!.Body)).Text;
        Assert.Equal("Committed: “Name the feeling before I fix anything”. I'll ask you how it went on Wednesday 2 December.", confirmation);
        var due = await _bot.Learning.ListDueForCheckInAsync(new TenantScope("teams", "tenant-a"), new DateOnly(2026, 12, 2), CancellationToken.None);
        Assert.Equal("Name the feeling before I fix anything", Assert.Single(due).Text);
    }

    [Fact]
    public async Task A_restarted_bot_continues_the_same_scene_from_the_store()
    {
        await _bot.SayAsync(Ana, "start refund-outside-policy");
        await _bot.SayAsync(Ana, WarmAgent[0]);

        await using var restarted = await RouterHarness.StartAsync(_db, Now.AddMinutes(5));
        var reply = await restarted.SayAsync(Ana, WarmAgent[1]);

        Assert.Contains(Texts(reply), t => t.StartsWith("Wei: ", StringComparison.Ordinal));
        var (_, live) = await restarted.People.GetWithLiveSessionAsync(new PersonKey("teams", "tenant-a", "29:ana"), CancellationToken.None);
        var turns = await restarted.Sessions.GetTurnsAsync(live!.Person, live.SessionId, CancellationToken.None);
        Assert.Equal(2, turns.Count(t => t.Speaker == "agent"));
    }

    [Fact]
    public async Task Pause_holds_the_scene_and_stop_ends_it_without_a_score()
    {
        await _bot.SayAsync(Ana, "start new-phone-setup");
        var paused = await _bot.SayAsync(Ana, "/pause");
        Assert.Contains(Texts(paused), t => t.Contains("/resume", StringComparison.Ordinal));

        var ignored = await _bot.SayAsync(Ana, "Hello, are you still there?");
        Assert.Contains("wasn't sent", Texts(ignored).Single());

        var resumed = await _bot.SayAsync(Ana, "/resume");
        Assert.NotEmpty(Texts(resumed));

        var stopped = await _bot.SayAsync(Ana, "/stop");
        Assert.Contains(Texts(stopped), t => t.Contains("Nothing was scored", StringComparison.Ordinal));
        Assert.Empty(Cards(stopped));

        var key = new PersonKey("teams", "tenant-a", "29:ana");
        var (_, live) = await _bot.People.GetWithLiveSessionAsync(key, CancellationToken.None);
        Assert.Null(live);
        var ended = Assert.Single(await _bot.Sessions.ListEndedAsync(key, 5, CancellationToken.None));
        Assert.Equal("stopped", ended.Outcome);
        Assert.Null(await _bot.Learning.GetRubricAsync(key, ended.SessionId, CancellationToken.None));
    }

    [Fact]
    public async Task Settings_by_text_are_saved_and_schedule_the_next_prompt()
    {
        var time = await _bot.SayAsync(Ana, "/practice time 09:30");
        Assert.Contains("09:30", Texts(time).Single());

        var key = new PersonKey("teams", "tenant-a", "29:ana");
        var person = (await _bot.People.GetAsync(key, CancellationToken.None))!;
        Assert.Equal(ConsentState.OptedIn, person.Consent);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero), person.NextPromptUtc);

        await _bot.SayAsync(Ana, "timezone America/Chicago");
        await _bot.SayAsync(Ana, "days mon,fri");
        person = (await _bot.People.GetAsync(key, CancellationToken.None))!;
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], person.WorkingDays);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.Zero), person.NextPromptUtc);

        await _bot.SayAsync(Ana, "pause until 2026-12-07");
        person = (await _bot.People.GetAsync(key, CancellationToken.None))!;
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 15, 30, 0, TimeSpan.Zero), person.NextPromptUtc);

        var stop = await _bot.SayAsync(Ana, "stop");
        Assert.Contains("won't send you anything", Texts(stop).Single());
        person = (await _bot.People.GetAsync(key, CancellationToken.None))!;
        Assert.Equal(ConsentState.OptedOut, person.Consent);
        Assert.Null(person.NextPromptUtc);
    }

    [Fact]
    public async Task A_settings_card_with_bad_values_is_refused_per_input_and_nothing_is_saved()
    {
        var result = await _bot.SubmitAsync(Ana, CardVerbs.SaveSettings, new()
        {
            [Inputs.PromptTime] = "25:99",
            [Inputs.TimeZone] = "Mars/Olympus",
            [Inputs.Days] = "mon,wed",
        });

        Assert.Equal([Inputs.PromptTime, Inputs.TimeZone], result.InputErrors!.Keys.Order());
        Assert.Null(await _bot.People.GetAsync(new PersonKey("teams", "tenant-a", "29:ana"), CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_words_get_help_and_an_unknown_scenario_gets_the_picker()
    {
        var unknown = await _bot.SayAsync(Ana, "dance for me");
        Assert.Contains("help", Texts(unknown).Single());

        var picker = await _bot.SayAsync(Ana, "start no-such-scenario");
        Assert.Equal("practice.pick", Cards(picker).Single().Id);
    }

    [Fact]
    public async Task Tenants_never_see_each_others_sessions()
    {
        var other = Ana with { TenantId = "tenant-b" };
        await _bot.SayAsync(Ana, "start late-delivery-birthday");

        var reply = await _bot.SayAsync(other, "I'm so sorry to hear that.");

        Assert.DoesNotContain(Texts(reply), t => t.StartsWith("Jake: ", StringComparison.Ordinal));
        var (_, live) = await _bot.People.GetWithLiveSessionAsync(new PersonKey("teams", "tenant-b", "29:ana"), CancellationToken.None);
        Assert.Null(live);
    }

    [Fact]
    public async Task A_message_from_someone_marked_unreachable_clears_the_mark()
    {
        var key = new PersonKey("teams", "tenant-a", "29:ana");
        await _bot.People.SaveAsync(PersonSettings.NewPerson(Ana) with { UnreachableSinceUtc = Now.AddDays(-3) }, CancellationToken.None);

        await _bot.SayAsync(Ana, "help");

        Assert.Null((await _bot.People.GetAsync(key, CancellationToken.None))!.UnreachableSinceUtc);
    }

    private static List<string> Texts(RouterResult result) => result.Replies.OfType<TextOut>().Select(t => t.Text).ToList();

    private static List<Card> Cards(RouterResult result) => result.Replies.OfType<CardOut>().Select(c => c.Card).ToList();
}
