using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.GroupPractice;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>A facilitated group practice in a channel, played through the router and kept on SQLite between messages.</summary>
public sealed class ChannelPracticeTests : TeamFeatureTest
{
    private static readonly ChannelUser Lee = new("teams", "tenant-a", "29:lee", "Lee");

    private Task<PersonWithLiveSession> ChannelAsync() => Bot.People.GetWithLiveSessionAsync(ChannelPractice.ChannelKey(Floor), Ct);

    [Fact]
    public async Task A_facilitated_scene_is_played_nudged_noted_and_debriefed_across_a_restart()
    {
        var opened = await Bot.SayInAsync(Floor, Mia, "practice facilitate late-delivery-birthday");
        Assert.Contains("Mia is facilitating", Text(opened));
        Assert.Equal("practice.brief", Assert.Single(Cards(opened)).Id);

        Assert.Contains("Ana joined as the agent", Text(await Bot.SayInAsync(Floor, Ana, "join agent")));
        Assert.Contains("Ben joined as an observer", Text(await Bot.SayInAsync(Floor, Ben, "join observer")));
        Assert.Contains("already joined as the agent", Text(await Bot.SayInAsync(Floor, Lee, "join agent")));
        Assert.Contains("Only the facilitator", Text(await Bot.SayInAsync(Floor, Ben, "go")));

        var started = await Bot.SayInAsync(Floor, Mia, "go");
        Assert.Contains("Ana, you're the agent", Text(started));
        Assert.Contains("Jake: ", Text(started));

        await RestartAsync();

        var turn = await Bot.SayInAsync(Floor, Ana,
            "I'm so sorry, that sounds really stressful, and I can hear how worried you are. What's been happening so far?");
        Assert.StartsWith("Jake: ", Text(turn), StringComparison.Ordinal);
        Assert.Contains("Only Ana speaks to the customer", Text(await Bot.SayInAsync(Floor, Ben, "Just refund him!")));
        Assert.Contains("Only the facilitator", Text(await Bot.SayInAsync(Floor, Ben, "cue hurry up")));
        Assert.Contains("Write what you noticed", Text(await Bot.SayInAsync(Floor, Ben, "note")));
        Assert.Equal("Noted for the debrief.", Text(await Bot.SayInAsync(Floor, Ben, "note Named the worry before anything else")));

        Assert.Contains("Coach: name the feeling now", Text(await Bot.SayInAsync(Floor, Mia, "cue name the feeling now")));
        Assert.Contains("Environment change: the courier tracking system is down", Text(await Bot.SayInAsync(Floor, Mia, "outage the courier tracking system is down")));
        Assert.Contains("already under way", Text(await Bot.SayInAsync(Floor, Mia, "outage again")));
        Assert.Contains("goal changes: wants a refund instead", Text(await Bot.SayInAsync(Floor, Mia, "goal wants a refund instead")));

        await RestartAsync();
        await Bot.SayInAsync(Floor, Ana, "So just to check I've got it right: you'd rather have your money back now — is that right?");
        var (_, live) = await ChannelAsync();
        Assert.NotNull(live);

        var ended = await Bot.SayInAsync(Floor, Mia, "end");
        var debrief = Cards(ended)[0];
        Assert.Equal(["debrief.observations", "review.ask_observers"], Cards(ended).Select(c => c.Id)); // Ben observed
        Assert.Contains(CardTexts(debrief), t => t.Contains("observer 29:ben", StringComparison.Ordinal)
                                                 && t.Contains("Named the worry before anything else", StringComparison.Ordinal));

        // The scene is stored like any session: the header moved out of the live slot, every turn kept.
        Assert.Null((await ChannelAsync()).LiveSession);
        var stored = await Bot.Sessions.GetAsync(live.Person, live.SessionId, Ct);
        Assert.False(stored!.IsLive);
        var turns = await Bot.Sessions.GetTurnsAsync(live.Person, live.SessionId, Ct);
        Assert.Equal(stored.TurnCount, turns.Count);
        Assert.Contains(turns, t => t.Speaker == TurnSpeakers.Agent && t.Text.StartsWith("I'm so sorry", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Speaker == TurnSpeakers.Coach && t.Text == "name the feeling now");

        // The channel is free for the next practice.
        Assert.Contains("is facilitating", Text(await Bot.SayInAsync(Floor, Ben, "practice facilitate late-delivery-birthday")));
    }

    [Fact]
    public async Task Starting_needs_a_known_scenario_one_agent_and_a_free_channel()
    {
        Assert.Contains("one of: ", Text(await Bot.SayInAsync(Floor, Mia, "practice facilitate moon-landing")));
        Assert.Null((await ChannelAsync()).LiveSession);

        await Bot.SayInAsync(Floor, Mia, "/practice facilitate late-delivery-birthday"); // the Slack slash form
        Assert.Contains("already running", Text(await Bot.SayInAsync(Floor, Ben, "practice facilitate late-delivery-birthday")));
        Assert.Contains("hasn't started yet", Text(await Bot.SayInAsync(Floor, Mia, "cue name the feeling")));

        await Bot.SayInAsync(Floor, Ben, "join observer");
        Assert.Contains("needs exactly one agent", Text(await Bot.SayInAsync(Floor, Mia, "go")));
        Assert.Contains("“join agent” or “join observer”", Text(await Bot.SayInAsync(Floor, Ana, "what is this?")));

        // Other channels are unaffected, and the practice can be called off before it starts.
        Assert.Contains("team help", Text(await Bot.SayInAsync(General, Ana, "hello")));
        Assert.Contains("called off", Text(await Bot.SayInAsync(Floor, Mia, "stop")));
        Assert.Null((await ChannelAsync()).LiveSession);
        Assert.Contains("team help", Text(await Bot.SayInAsync(Floor, Ana, "hello")));
    }

    [Fact]
    public async Task The_agent_can_stop_at_any_moment_and_nothing_is_scored()
    {
        await Bot.SayInAsync(Floor, Mia, "practice facilitate late-delivery-birthday");
        await Bot.SayInAsync(Floor, Ana, "join agent");
        await Bot.SayInAsync(Floor, Mia, "go");

        var stopped = await Bot.SayInAsync(Floor, Ana, "/stop");
        Assert.Contains("Nothing was scored", Text(stopped));
        Assert.Empty(Cards(stopped));
        Assert.Null((await ChannelAsync()).LiveSession);
    }
}
