using RolePlay.Slack.Inbound;

namespace RolePlay.Slack.Tests;

/// <summary>Slack's markup becomes the neutral words Core reads, so no Core parser knows Slack's syntax.</summary>
public sealed class SlackMarkupTests
{
    [Theory]
    [InlineData("/practice team manager <@U0LEE|lee>", "/practice team manager @U0LEE")]
    [InlineData("no-pair <@W0BEN>", "no-pair @W0BEN")]
    [InlineData("/practice team standup <#C0STANDUP|standup> 08:45", "/practice team standup #C0STANDUP 08:45")]
    [InlineData("team standup <#G0PRIVATE>", "team standup #G0PRIVATE")]
    [InlineData("/practice team emoji recognition :clap::skin-tone-3:", "/practice team emoji recognition :clap:")]
    [InlineData("thanks <@U1|a> and <@U2|b> :wave::skin-tone-6: today", "thanks @U1 and @U2 :wave: today")]
    [InlineData("a <https://example.com|link> and <!here> stay", "a <https://example.com|link> and <!here> stay")]
    [InlineData("plain words", "plain words")]
    public void Mentions_and_skin_tones_become_neutral(string slack, string neutral) =>
        Assert.Equal(neutral, SlackMarkup.Neutral(slack));

    [Theory]
    [InlineData("clap::skin-tone-2", "clap")]
    [InlineData("+1::skin-tone-5", "+1")]
    [InlineData("sparkles", "sparkles")]
    public void A_reaction_loses_its_skin_tone(string reaction, string name) =>
        Assert.Equal(name, SlackMarkup.EmojiName(reaction));
}

/// <summary>The translator applies the markup rules on the way in: what the router sees is already neutral.</summary>
public sealed class SlackTranslatorMarkupTests
{
    private static readonly SlackContext Context = new("U0BOT", new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_slash_command_reaches_the_router_with_neutral_mentions()
    {
        var fields = new Dictionary<string, string>
        {
            ["command"] = "/practice", ["text"] = "team manager <@U0LEE|lee>", ["user_id"] = "U0SAM", ["channel_id"] = "C0TEAM", ["team_id"] = "T1",
        };
        Assert.True(Inbound.Payloads.SlackSlashCommand.TryRead(fields, out var command, out _));

        var routed = Assert.IsType<SlackRouted>(SlackTranslator.Translate(command, Context));

        Assert.Equal("/practice team manager @U0LEE", Assert.IsType<Core.Chat.MessageReceived>(routed.Event).Text);
    }

    [Fact]
    public void A_reaction_with_a_skin_tone_reaches_the_router_by_its_emoji_name()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""
            {"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"reaction_added","user":"U0SAM",
             "reaction":"clap::skin-tone-2","item_user":"U0PEER","item":{"type":"message","channel":"C0TEAM","ts":"1.2"},"event_ts":"1.3"}}
            """);
        Assert.True(Inbound.Payloads.SlackEventCallback.TryRead(document.RootElement, out var callback, out _));

        var routed = Assert.IsType<SlackRouted>(SlackTranslator.Translate(callback, Context));

        Assert.Equal("clap", Assert.IsType<Core.Chat.ReactionChanged>(routed.Event).Reaction);
    }
}
