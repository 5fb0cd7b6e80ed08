using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.Detection;
using RolePlay.Core.Facilitation;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Core.Voice;

namespace RolePlay.Bot.Tests;

/// <summary>A facilitator's nudges into one person's live practice in a personal chat, on real SQLite storage.</summary>
public sealed class LiveFacilitationTests : IAsyncLifetime
{
    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();
    private static readonly ChannelUser Learner = new("studio", "local", "local-ana", "Ana");
    private readonly string _dataDir = Directory.CreateTempSubdirectory("roleplay-facilitation-").FullName;
    private RouterHarness _bot = null!;
    private LiveFacilitation _facilitation = null!;

    /// <summary>Local mode's facilitator: every studio person of the local tenant.</summary>
    private static readonly FacilitatorScope Everyone = new(new TenantScope("studio", "local"), TeamId: null);

    private PersonKey Key => new(Learner.Platform, Learner.TenantId, Learner.UserId);

    public async Task InitializeAsync()
    {
        _bot = await RouterHarness.StartAsync(Path.Combine(_dataDir, "roleplay.db"), new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var engine = new PracticeEngine(Catalog, new RuleBasedDetector(), new RuleBasedPersonaVoice());
        _facilitation = new LiveFacilitation(Catalog, engine, _bot.People, _bot.Sessions, _bot.Services<CustomerWording>(), _bot.Clock);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Without_a_live_practice_there_is_nothing_to_nudge()
    {
        Assert.IsType<FacilitationOutcome.NoLivePractice>(await _facilitation.ApplyAsync(Everyone, Key, new InjectCue("name the feeling"), default));
        Assert.Null(await _facilitation.DescribeAsync(Everyone, Key, default));
    }

    [Fact]
    public async Task A_cue_reaches_the_learner_as_the_coach_and_is_stored_so_the_scene_carries_on()
    {
        await StartAsync("low");
        await _bot.SayAsync(Learner, "I'm sorry, that sounds stressful. What happened?");

        var view = await _facilitation.DescribeAsync(Everyone, Key, default);
        var outcome = await _facilitation.ApplyAsync(Everyone, Key, new InjectCue("Summarise what you heard before offering anything"), default);

        Assert.NotNull(view);
        Assert.Equal("Ana", view.LearnerName);
        Assert.Equal(1, view.Turn);
        Assert.False(view.Paused);
        var applied = Assert.IsType<FacilitationOutcome.Applied>(outcome);
        var text = Assert.IsType<TextOut>(Assert.Single(applied.ForLearner));
        Assert.StartsWith("Coach: ", text.Text, StringComparison.Ordinal);
        Assert.Contains("Summarise what you heard", text.Text, StringComparison.Ordinal);
        var (_, live) = await _bot.People.GetWithLiveSessionAsync(Key, default);
        Assert.Contains(await _bot.Sessions.GetTurnsAsync(Key, live!.SessionId, default), t => t.Text.Contains("Summarise what you heard", StringComparison.Ordinal));
        // The learner's next message continues the same stored scene.
        var next = await _bot.SayAsync(Learner, "So the parcel is stuck and the party is tomorrow, is that right?");
        Assert.Contains(next.Replies.OfType<TextOut>(), r => r.Text.StartsWith("Jake:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_goal_swap_changes_what_the_customer_wants_and_a_second_outage_is_refused()
    {
        await StartAsync("medium");

        var swap = Assert.IsType<FacilitationOutcome.Applied>(await _facilitation.ApplyAsync(Everyone, Key, new SwapGoal("a full refund instead"), default));
        Assert.Contains(swap.ForLearner.OfType<TextOut>(), t => t.Text.Contains("The customer's goal changes: a full refund instead", StringComparison.Ordinal));
        Assert.IsType<FacilitationOutcome.Applied>(await _facilitation.ApplyAsync(Everyone, Key, new StartOutage("the tracking system is down"), default));
        var again = Assert.IsType<FacilitationOutcome.Refused>(await _facilitation.ApplyAsync(Everyone, Key, new StartOutage("and again"), default));
        Assert.Contains("already under way", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paused_practice_is_left_alone_and_a_channel_practice_is_not_reached_this_way()
    {
        await StartAsync("high");
        await _bot.SayAsync(Learner, "/pause");

        var refused = Assert.IsType<FacilitationOutcome.Refused>(await _facilitation.ApplyAsync(Everyone, Key, new InjectCue("name the feeling"), default));
        Assert.Contains("paused", refused.Reason, StringComparison.Ordinal);
        Assert.True((await _facilitation.DescribeAsync(Everyone, Key, default))!.Paused);
        Assert.IsType<FacilitationOutcome.NoLivePractice>(
            await _facilitation.ApplyAsync(Everyone, new PersonKey("studio", "local", "channel:room"), new InjectCue("x"), default));
    }

    [Theory]
    [InlineData("low", Intensity.Low)]
    [InlineData("high", Intensity.High)]
    public async Task Every_intensity_a_person_picks_is_stored(string picked, Intensity stored)
    {
        await StartAsync(picked);

        var person = await _bot.People.GetAsync(Key, default);
        Assert.Equal((int)stored, person!.Intensity);
    }

    [Fact]
    public async Task A_managers_scope_reaches_their_own_teams_learners_and_no_one_elses()
    {
        var room = new ConversationAddress("studio", "local", "room-a", ConversationKind.Channel, TeamId: "team-a");
        await _bot.SayInAsync(room, new ChannelUser("studio", "local", "local-mia", "Mia"), "team standup 09:15");
        await _bot.SayInAsync(room, Learner, "team join");
        await StartAsync("low");
        var tenant = new TenantScope("studio", "local");
        var otherTeam = new FacilitatorScope(tenant, "team-b");

        Assert.NotNull(await _facilitation.DescribeAsync(new FacilitatorScope(tenant, "team-a"), Key, default));
        Assert.Null(await _facilitation.DescribeAsync(otherTeam, Key, default));
        Assert.Null(await _facilitation.DescribeAsync(new FacilitatorScope(new TenantScope("studio", "elsewhere"), TeamId: null), Key, default));
        Assert.IsType<FacilitationOutcome.NoLivePractice>(await _facilitation.ApplyAsync(otherTeam, Key, new InjectCue("name the feeling"), default));
        Assert.IsType<FacilitationOutcome.Applied>(
            await _facilitation.ApplyAsync(new FacilitatorScope(tenant, "team-a"), Key, new InjectCue("name the feeling"), default));
    }

    private async Task StartAsync(string intensity)
    {
        var started = await _bot.SubmitAsync(Learner, CardVerbs.Start, new Dictionary<string, string>
        {
            [CardVerbs.Inputs.Scenario] = "late-delivery-birthday",
            [CardVerbs.Inputs.Intensity] = intensity,
        });
        Assert.Contains(started.Replies.OfType<CardOut>(), c => c.Card.Id == "practice.controls");
    }
}
