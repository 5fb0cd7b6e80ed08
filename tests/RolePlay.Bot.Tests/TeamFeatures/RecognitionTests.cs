using RolePlay.Core.Chat;
using RolePlay.Core.Recognition;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>Reactions in a set-up team's channels: a manager's recognition emoji is recorded (and reversed), capped per
/// manager per local day; anyone's empathy-win emoji is counted.</summary>
public sealed class RecognitionTests : TeamFeatureTest
{
    private static readonly DateOnly ThisWeek = new(2026, 11, 23);

    private async Task SetUpTeamAsync()
    {
        await Bot.SayInAsync(General, Mia, "team standup 09:15");
        await Bot.SayInAsync(General, Mia, "team emoji recognition like");
        await Bot.SayInAsync(General, Mia, "team emoji win heart");
    }

    private Task<IReadOnlyList<RecognitionRecord>> WeekAsync(DateOnly day) => Bot.Recognitions.ListWeekAsync(TenantA, "team-1", day, Ct);

    [Fact]
    public async Task A_managers_recognition_is_recorded_for_the_author_and_reversed_when_taken_back()
    {
        await SetUpTeamAsync();
        var thread = Floor with { ThreadId = "1700000000001" };

        Assert.Empty((await Bot.ReactAsync(thread, Mia, "msg-1", Ana.UserId, "like")).Replies);
        await Bot.ReactAsync(thread, Mia, "msg-1", Ana.UserId, "like"); // the platform retried the event

        var recorded = Assert.Single(await WeekAsync(ThisWeek));
        Assert.Equal((KeyOf(Mia), KeyOf(Ana), "msg-1", RecognitionKind.Recognition, "thread_reply", "like"),
            (recorded.ReactedBy, recorded.Recipient, recorded.MessageId, recorded.Kind, recorded.PostKind, recorded.Emoji));

        await Bot.ReactAsync(thread, Mia, "msg-1", Ana.UserId, "like", added: false);
        Assert.Empty(await WeekAsync(ThisWeek));
    }

    [Fact]
    public async Task Self_reactions_other_people_and_other_emoji_record_nothing()
    {
        await SetUpTeamAsync();

        await Bot.ReactAsync(General, Mia, "msg-own", Mia.UserId, "like");  // her own message
        await Bot.ReactAsync(General, Ben, "msg-1", Ana.UserId, "like");    // Ben is not a manager
        await Bot.ReactAsync(General, Mia, "msg-1", Ana.UserId, "laugh");   // not a team emoji
        await Bot.ReactAsync(RouterHarness.Dm(Mia), Mia, "msg-2", Ana.UserId, "like"); // a personal chat is not a team channel
        var elsewhere = new ConversationAddress("teams", "tenant-a", "19:other@thread.tacv2", ConversationKind.Channel, TeamId: "team-2");
        await Bot.ReactAsync(elsewhere, Mia, "msg-3", Ana.UserId, "like");  // a team nobody set up

        Assert.Empty(await WeekAsync(ThisWeek));
    }

    [Fact]
    public async Task Empathy_wins_count_from_anyone_and_can_be_taken_back()
    {
        await SetUpTeamAsync();

        await Bot.ReactAsync(General, Ben, "msg-1", Ana.UserId, "heart");
        await Bot.ReactAsync(General, Mia, "msg-1", Ana.UserId, "heart");
        await Bot.ReactAsync(General, Ana, "msg-1", Ana.UserId, "heart"); // her own: ignored

        var wins = await WeekAsync(ThisWeek);
        Assert.Equal(2, wins.Count);
        Assert.All(wins, w => Assert.Equal((RecognitionKind.EmpathyWin, KeyOf(Ana)), (w.Kind, w.Recipient)));

        Bot.Clock.Advance(TimeSpan.FromDays(6)); // taken back early next week: found in last week's partition
        await Bot.ReactAsync(General, Ben, "msg-1", Ana.UserId, "heart", added: false);
        Assert.Equal([KeyOf(Mia)], (await WeekAsync(ThisWeek)).Select(w => w.ReactedBy));
    }

    [Fact]
    public async Task The_daily_cap_tells_the_manager_and_resets_at_their_local_midnight()
    {
        await SetUpTeamAsync();
        await Bot.SayAsync(Mia, "timezone Asia/Tokyo"); // 08:00 UTC is 17:00 in Tokyo

        for (var i = 1; i <= 5; i++)
        {
            Assert.Empty((await Bot.ReactAsync(General, Mia, $"msg-{i}", Ana.UserId, "like")).Replies);
        }

        var capped = await Bot.ReactAsync(General, Mia, "msg-6", Ana.UserId, "like");
        var notice = Assert.Single(capped.Replies);
        Assert.Equal(Mia, notice.VisibleTo);
        Assert.Equal(General, notice.Target);
        Assert.Contains("daily limit", ((TextOut)notice).Text);
        Assert.Equal(5, (await WeekAsync(ThisWeek)).Count);

        // Empathy wins are not capped.
        await Bot.ReactAsync(General, Mia, "msg-6", Ana.UserId, "heart");
        Assert.Equal(6, (await WeekAsync(ThisWeek)).Count);

        Bot.Clock.Advance(TimeSpan.FromHours(6.5)); // 14:30 UTC = 23:30 in Tokyo: still her day
        Assert.Single((await Bot.ReactAsync(General, Mia, "msg-7", Ana.UserId, "like")).Replies);

        Bot.Clock.Advance(TimeSpan.FromHours(1)); // 15:30 UTC = 00:30 in Tokyo: a new day, though not in UTC
        Assert.Empty((await Bot.ReactAsync(General, Mia, "msg-7", Ana.UserId, "like")).Replies);
        Assert.Equal(6, (await WeekAsync(ThisWeek)).Count(r => r.Kind == RecognitionKind.Recognition));
    }

    [Fact]
    public async Task Taking_a_reaction_back_frees_a_place_under_the_cap()
    {
        await SetUpTeamAsync();
        for (var i = 1; i <= 5; i++)
        {
            await Bot.ReactAsync(General, Mia, $"msg-{i}", Ana.UserId, "like");
        }

        await Bot.ReactAsync(General, Mia, "msg-2", Ana.UserId, "like", added: false);
        Assert.Empty((await Bot.ReactAsync(General, Mia, "msg-6", Ana.UserId, "like")).Replies);
        Assert.Equal(["msg-1", "msg-3", "msg-4", "msg-5", "msg-6"],
            (await WeekAsync(ThisWeek)).Select(r => r.MessageId).Order(StringComparer.Ordinal));
    }
}

/// <summary>The cap is configurable (Recognition:DailyCapPerManager in the host).</summary>
public sealed class ConfiguredRecognitionCapTests : TeamFeatureTest
{
    protected override RecognitionPolicy? Policy => new(DailyCapPerManager: 2);

    [Fact]
    public async Task A_configured_cap_applies()
    {
        await Bot.SayInAsync(SlackSupport, Sam, "/practice team emoji recognition :clap:");
        var slackPeer = "U0PEER";
        Assert.Empty((await Bot.ReactAsync(SlackSupport, Sam, "1.1", slackPeer, "clap")).Replies);
        Assert.Empty((await Bot.ReactAsync(SlackSupport, Sam, "1.2", slackPeer, "clap")).Replies);
        Assert.Contains("2 recognitions today", ((TextOut)Assert.Single((await Bot.ReactAsync(SlackSupport, Sam, "1.3", slackPeer, "clap")).Replies)).Text);
    }
}
