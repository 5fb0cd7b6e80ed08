using System.Text.Json;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Inbound.Payloads;

namespace RolePlay.Slack.Tests;

/// <summary>A <c>file_share</c> message as the Events API sends it: an audio file in the bot's DM is a voice file to
/// offer as a clip; anything else stays what it was.</summary>
public sealed class SlackFileShareTranslationTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void An_audio_file_shared_in_the_DM_is_AudioFileReceived_with_its_private_download_URL_and_size()
    {
        var routed = Assert.IsType<SlackRouted>(Translate("im", "D0DM", """{"id":"F1","name":"shift.m4a","mimetype":"audio/mp4","filetype":"m4a","size":48213,"mode":"hosted","url_private":"https://files.slack.com/files-pri/T1-F1/shift.m4a","url_private_download":"https://files.slack.com/files-pri/T1-F1/download/shift.m4a"}"""));

        var sent = Assert.IsType<AudioFileReceived>(routed.Event);
        Assert.Equal(new ClipFile("https://files.slack.com/files-pri/T1-F1/download/shift.m4a", "shift.m4a", 48213), sent.File);
        Assert.Equal(("U1", "D0DM", ConversationKind.Personal), (sent.From.UserId, sent.Conversation.ConversationId, sent.Conversation.Kind));
    }

    [Theory]
    [InlineData("im", "D0DM", """{"id":"F1","name":"notes.pdf","mimetype":"application/pdf","filetype":"pdf","size":100,"url_private":"https://files.slack.com/files-pri/T1-F1/notes.pdf"}""")]
    [InlineData("im", "D0DM", """{"id":"F1","mode":"tombstone"}""")]
    [InlineData("im", "D0DM", """{"id":"F1","name":"x.mp3","mimetype":"audio/mpeg","file_access":"check_file_info"}""")]
    [InlineData("channel", "C0TEAM", """{"id":"F1","name":"shift.m4a","mimetype":"audio/mp4","url_private":"https://files.slack.com/files-pri/T1-F1/shift.m4a"}""")]
    public void Other_files_withheld_files_and_files_outside_the_DM_are_not_offered(string channelType, string channel, string file) =>
        Assert.IsNotType<AudioFileReceived>((Translate(channelType, channel, file) as SlackRouted)?.Event);

    private static SlackTranslation Translate(string channelType, string channel, string file)
    {
        using var document = JsonDocument.Parse($$$"""
            {"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev1","event_time":1700000000,
             "event":{"type":"message","subtype":"file_share","channel_type":"{{{channelType}}}","channel":"{{{channel}}}","user":"U1","text":"",
                      "ts":"1700000000.000100","event_ts":"1700000000.000100","files":[{{{file}}}]}}
            """);
        Assert.True(SlackEventCallback.TryRead(document.RootElement, out var callback, out var problem), problem);
        return SlackTranslator.Translate(callback, new SlackContext("UBOT", Now));
    }
}
