using RolePlay.Core.Chat;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>"share" in a personal chat posts the last finished practice to the team's standup channel.</summary>
public sealed class SharingTests : TeamFeatureTest
{
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
