using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
namespace RolePlay.Bot.Tests.Routines;

/// <summary>"routines status" and "routines run &lt;routine&gt;" in a team channel, on Teams and on Slack: managers only.</summary>
public sealed class RoutineCommandTests : RoutineTest
{
    private static readonly ChannelUser Manager = Person("29:manager");
    private static readonly ChannelUser Agent = Person("29:agent");
    private static readonly ConversationAddress General = new("teams", Tenant, "19:general@thread.tacv2", ConversationKind.Channel, TeamId: "team-1");

    private static readonly ChannelUser SlackManager = Person("U0MGR", "slack");
    private static readonly ChannelUser SlackAgent = Person("U0AGENT", "slack");
    private static readonly ConversationAddress SlackChannel = new("slack", Tenant, "C0SUPPORT", ConversationKind.Channel, TeamId: Tenant);

    // Wednesday 25 November 2026, 08:00 in London (GMT).
    protected override DateTimeOffset Start => Utc(2026, 11, 25, 8, 0);

    [Fact]
    public async Task A_manager_runs_the_daily_prompt_now_for_their_team_and_sees_it_in_the_status()
    {
        await Bot.SayInAsync(General, Manager, "team standup 09:15");
        await Bot.SayInAsync(General, Agent, "team join");
        await OptInAsync(Agent, "Europe/London", "16:00");

        var run = await Bot.SayInAsync(General, Manager, "routines run daily_prompt");

        Assert.Equal("daily_prompt: 1 sent, 0 skipped, 0 failed (run now for team team-1).", Text(run));
        Assert.Equal("routine.daily_prompt", Delivered.To(Agent.UserId).Single().CardIds.Single());
        var status = await Bot.SayInAsync(General, Manager, "routines status");
        var card = status.Replies.OfType<CardOut>().Single().Card;
        Assert.Equal("routines.status", card.Id);
        var fact = card.Body.OfType<FactSet>().Single().Facts.Single();
        Assert.Equal(("daily prompt", "last run 2026-11-25 08:00 UTC: 1 sent, 0 skipped, 0 failed (run now for team team-1)"), (fact.Title, fact.Value));

        // The scheduled prompt still comes at its own time.
        await RunUntilAsync(Utc(2026, 11, 25, 16, 1), TimeSpan.FromMinutes(30));
        Assert.Equal(2, Delivered.To(Agent.UserId).Count);
    }

    [Fact]
    public async Task Someone_who_is_not_a_manager_of_the_team_can_neither_see_nor_run_routines()
    {
        await Bot.SayInAsync(General, Manager, "team standup 09:15");
        await Bot.SayInAsync(General, Agent, "team join");
        await OptInAsync(Agent, "Europe/London", "16:00");

        Assert.Equal("Only this team's managers can see or run its routines.", Text(await Bot.SayInAsync(General, Agent, "routines run daily_prompt")));
        Assert.Equal("Only this team's managers can see or run its routines.", Text(await Bot.SayInAsync(General, Agent, "routines status")));
        Assert.Empty(Delivered.All);
    }

    [Fact]
    public async Task On_slack_the_slash_command_works_the_same_and_unknown_routines_are_explained()
    {
        await Bot.SayInAsync(SlackChannel, SlackManager, "/practice team standup 09:15");
        await Bot.SayInAsync(SlackChannel, SlackAgent, "/practice team join");
        await OptInAsync(SlackAgent, "Europe/London", "16:00");

        Assert.StartsWith("daily_prompt: 1 sent", Text(await Bot.SayInAsync(SlackChannel, SlackManager, "/practice routines run daily-prompt")), StringComparison.Ordinal);
        Assert.Equal("slack", Delivered.To(SlackAgent.UserId).Single().Platform);
        Assert.Equal("routines.status", (await Bot.SayInAsync(SlackChannel, SlackManager, "/practice routines status")).Replies.OfType<CardOut>().Single().Card.Id);
        Assert.StartsWith("I don't know a routine called “karaoke”", Text(await Bot.SayInAsync(SlackChannel, SlackManager, "/practice routines run karaoke")), StringComparison.Ordinal);
        Assert.StartsWith("Only this team's managers", Text(await Bot.SayInAsync(SlackChannel, SlackAgent, "/practice routines status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_runs_the_team_standup_now_in_the_standup_channel()
    {
        await Bot.SayInAsync(General, Manager, "team standup 09:15");

        Assert.StartsWith("standup: 1 sent", Text(await Bot.SayInAsync(General, Manager, "routines run standup")), StringComparison.Ordinal);
        Assert.Equal(["routine.standup"], Delivered.To(General.ConversationId).SelectMany(d => d.CardIds));
    }

    private static string Text(RouterResult result) => result.Replies.OfType<TextOut>().Single().Text;
}
