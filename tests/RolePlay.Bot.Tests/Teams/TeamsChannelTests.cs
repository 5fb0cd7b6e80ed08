namespace RolePlay.Bot.Tests.Teams;

/// <summary>Replies the router aims at another conversation reach it through the real Teams adapter: a shared
/// transcript lands in the team's standup channel, not in the person's chat.</summary>
public sealed class TeamsChannelTests : TeamsHostTest
{
    private const string Channel = "19:standup-channel@thread.tacv2";

    [Fact]
    public async Task A_shared_practice_is_posted_to_the_team_standup_channel()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        var inChannel = new SentActivities(Connector, Channel);
        var inChat = new SentActivities(Connector, person.ConversationId);

        await OkAsync(person.ChannelMessage(Channel, "19:team-general@thread.tacv2", "team standup 09:15"));
        Assert.Contains(inChannel.Texts, t => t.Contains("09:15", StringComparison.Ordinal));

        await OkAsync(person.Message("start late-delivery-birthday"));
        await OkAsync(person.Message("I'm so sorry, that sounds really stressful. What happened with the order?"));
        await OkAsync(person.Message("/end"));
        var cardsBefore = inChannel.Cards.Count();

        await OkAsync(person.Message("share"));

        Assert.Equal(cardsBefore + 1, inChannel.Cards.Count());
        Assert.Contains(inChat.Texts, t => t.StartsWith("Shared with your team", StringComparison.Ordinal));
    }
}
