using RolePlay.Core.Chat;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>"share" in a personal chat posts the last finished practice to the team's standup channel.</summary>
public sealed class SharingTests : TeamFeatureTest
{
    private static readonly string[] WarmAgent =
    [
        "I'm so sorry, that sounds really stressful, and I can hear how worried you are. What's been happening so far?",
        "So just to check I've got it right: this still isn't sorted and you need it fixed quickly — is that right?",
        "Here's what I'll do: I'll sort this myself right now and call you back by 3pm today to confirm it's done. Would a call or a text suit you better?",
        "Thank you for bearing with me. I'll stay on this until it's fixed and email you a written confirmation by 5pm today.",
        "You've been really patient. I'll personally check it tomorrow morning at 9 and message you the result.",
    ];

    private async Task PlayToTheEndAsync(ChannelUser agent)
    {
        await Bot.SayAsync(agent, "start late-delivery-birthday");
        foreach (var line in WarmAgent)
        {
            if (Cards(await Bot.SayAsync(agent, line)).Any(c => c.Id == "debrief.feelings"))
            {
                return;
            }
        }

        Assert.Fail("The practice did not end.");
    }

    [Fact]
    public async Task The_last_finished_practice_is_posted_to_the_team_channel_without_the_coach()
    {
        await Bot.SayInAsync(General, Mia, "team standup 09:15");
        await Bot.SayInAsync(General, Mia, "team emoji win laugh");
        await Bot.SayInAsync(Floor, Ana, "team join");
        await PlayToTheEndAsync(Ana);

        var shared = await Bot.SayAsync(Ana, "share");

        var post = Assert.Single(shared.Replies.OfType<CardOut>());
        Assert.Equal(new ConversationAddress("teams", "tenant-a", General.ConversationId, ConversationKind.Channel, TeamId: "team-1"), post.Target);
        var lines = CardTexts(post.Card).ToList();
        Assert.Contains(lines, l => l.StartsWith("Ana practised “", StringComparison.Ordinal) && l.Contains("(resolved)", StringComparison.Ordinal));
        Assert.Contains("Ana: " + WarmAgent[0], lines);
        Assert.Contains(lines, l => l.StartsWith("Jake: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Coach", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(":laugh:", StringComparison.Ordinal));
        Assert.Equal("Shared with your team for feedback.", Text(shared)); // the confirmation stays in the personal chat
        Assert.Null(shared.Replies.OfType<TextOut>().Single().Target);
    }

    [Fact]
    public async Task Sharing_explains_what_is_missing()
    {
        Assert.Contains("You're not in a team yet", Text(await Bot.SayAsync(Ana, "share")));

        await Bot.SayInAsync(General, Mia, "team timezone Europe/London");
        await Bot.SayInAsync(General, Ana, "team join");
        Assert.Contains("no channel for sharing yet", Text(await Bot.SayAsync(Ana, "share")));

        await Bot.SayInAsync(General, Mia, "team standup 09:15");
        Assert.Contains("no finished practice to share", Text(await Bot.SayAsync(Ana, "/practice share")));

        await Bot.SayAsync(Ana, "start late-delivery-birthday");
        await Bot.SayAsync(Ana, "/stop");
        var stopped = await Bot.SayAsync(Ana, "share");
        Assert.Contains("no finished practice to share", Text(stopped)); // a stopped practice stays private
        Assert.Empty(stopped.Replies.OfType<CardOut>());
    }
}
