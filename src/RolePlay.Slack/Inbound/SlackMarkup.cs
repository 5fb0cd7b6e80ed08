using System.Text.RegularExpressions;

namespace RolePlay.Slack.Inbound;

/// <summary>Slack's markup turned into the neutral words Core reads: a user mention "&lt;@U123|ana&gt;" becomes
/// "@U123", a channel "&lt;#C123|general&gt;" becomes "#C123", and an emoji's skin tone (":clap::skin-tone-2:", or
/// "clap::skin-tone-2" in a reaction event) is dropped, so Core never parses a platform's syntax.</summary>
public static partial class SlackMarkup
{
    public static string Neutral(string text) =>
        SkinTone().Replace(ChannelMention().Replace(UserMention().Replace(text, "@${id}"), "#${id}"), "");

    /// <summary>A reaction's emoji name without its skin tone.</summary>
    public static string EmojiName(string reaction) => SkinTone().Replace(reaction, "");

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<#(?<id>[CG][A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex ChannelMention();

    [GeneratedRegex(@"::skin-tone-[2-6](?=:|$|\s)")]
    private static partial Regex SkinTone();
}
