using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>A reply the router aims at another conversation reaches it through the real Slack adapter: a shared
/// practice is posted in the team's standup channel, not in the person's DM.</summary>
public sealed class SlackSharingEndToEndTests : SingleWorkspaceTest
{
    private const string Ana = "UANA";
    private const string Standup = "C0STANDUP";

    [Fact]
    public async Task A_shared_practice_is_posted_in_the_team_standup_channel()
    {
        Assert.Equal(200, (await Host.CommandAsync(Ana, "team standup 09:15", channel: Standup)).Status);
        await Host.SayAsync("Ev1", Ana, "start late-delivery-birthday");
        await Host.SayAsync("Ev2", Ana, "I'm so sorry, that sounds really stressful. What happened with the order?");
        await Host.SayAsync("Ev3", Ana, "/end");
        await Host.DrainAsync();

        await Host.SayAsync("Ev4", Ana, "share");
        await Host.DrainAsync();

        var posts = Api.CallsTo("chat.postMessage");
        var shared = Assert.Single(posts, c => c.Str("channel") == Standup);
        Assert.NotNull(shared.Json?["blocks"]);
        Assert.Contains(posts, c => c.Str("channel") == "D" + Ana && c.Str("text")!.StartsWith("Shared with your team", StringComparison.Ordinal));
    }
}
