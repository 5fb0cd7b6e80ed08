using RolePlay.Core.Chat;
using RolePlay.Core.PeerFeedback;
using RolePlay.Core.Routing;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>"feedback &lt;text&gt;" in a channel is relayed by the bot as the peer's feedback, marked as theirs, on
/// Teams and Slack alike.</summary>
public sealed class PeerFeedbackTests : TeamFeatureTest
{
    [Theory]
    [InlineData("feedback You named her worry before the refund. Lovely.")]
    [InlineData("FB: You named her worry before the refund. Lovely.")]
    [InlineData("  fb   You named her worry before the refund. Lovely.  ")]
    public async Task Feedback_in_a_channel_is_relayed_there_as_the_peers(string message)
    {
        var thread = General with { ThreadId = "1700000000001" };

        var result = await Bot.SayInAsync(thread, Ana, message);

        var relay = Assert.IsType<TextOut>(Assert.Single(result.Replies));
        Assert.Equal("Feedback from Ana: You named her worry before the refund. Lovely.", relay.Text);
        Assert.Equal(Ana, relay.AuthoredBy);
        Assert.Null(relay.Target);
        Assert.Null(relay.VisibleTo);
    }

    [Fact]
    public async Task Feedback_works_on_slack_through_a_mention_or_the_slash_command()
    {
        foreach (var message in new[] { "feedback Great summary at the end", "/practice feedback Great summary at the end" })
        {
            var relay = Assert.IsType<TextOut>(Assert.Single((await Bot.SayInAsync(SlackSupport, Sam, message)).Replies));
            Assert.Equal(("Feedback from Sam: Great summary at the end", Sam), (relay.Text, relay.AuthoredBy));
        }
    }

    [Fact]
    public async Task Feedback_without_text_explains_itself_and_a_nameless_peer_is_a_teammate()
    {
        var usage = Assert.IsType<TextOut>(Assert.Single((await Bot.SayInAsync(General, Ana, "feedback")).Replies));
        Assert.Equal(FeedbackRelay.Usage, usage.Text);
        Assert.Null(usage.AuthoredBy);

        var nameless = Ben with { DisplayName = null };
        var relay = Assert.IsType<TextOut>(Assert.Single((await Bot.SayInAsync(General, nameless, "feedback Calm under pressure")).Replies));
        Assert.Equal("Feedback from a teammate: Calm under pressure", relay.Text);
    }

    [Fact]
    public async Task Words_that_only_start_like_feedback_are_not_relayed()
    {
        var result = await Bot.SayInAsync(General, Ana, "feedbackloop is a word");

        Assert.DoesNotContain(result.Replies, r => r.AuthoredBy is not null);
        Assert.Equal(ChannelRouter.ChannelHelp, Text(result));
    }
}
