using System.Text.Json;
using RolePlay.Core.Chat;
using RolePlay.Core.Clips;
using RolePlay.Teams.Inbound;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Tests;

/// <summary>A file sent to the bot in a personal chat, in the shape Microsoft documents ("Send and receive files using
/// bot"): a <c>file.download.info</c> attachment of an audio type is a voice file to offer; other files, and files
/// anywhere but the personal chat (where Teams does not deliver them this way), stay ordinary messages.</summary>
public sealed class FileAttachmentTranslationTests
{
    private const string Url = "https://contoso-my.sharepoint.com/personal/megan_contoso_com/_layouts/15/download.aspx?UniqueId=1150d938&tempauth=eyJ0eXAi";

    [Fact]
    public void An_audio_file_in_the_personal_chat_is_AudioFileReceived_from_the_download_URL_Teams_gave()
    {
        var translation = Translate("personal", "voice memo.m4a", "m4a");

        var sent = Assert.IsType<AudioFileReceived>(Assert.Single(translation.Events));
        Assert.Equal(new ClipFile(Url, "voice memo.m4a"), sent.File);
        Assert.Equal(("29:megan", ConversationKind.Personal), (sent.From.UserId, sent.Conversation.Kind));
    }

    [Theory]
    [InlineData("personal", "report.pdf", "pdf")]
    [InlineData("channel", "voice memo.m4a", "m4a")]
    public void Other_files_and_files_outside_the_personal_chat_stay_messages(string conversationType, string name, string fileType) =>
        Assert.IsType<MessageReceived>(Assert.Single(Translate(conversationType, name, fileType).Events));

    private static Translation Translate(string conversationType, string name, string fileType)
    {
        var activity = JsonSerializer.Deserialize($$$"""
            {"type":"message","id":"1","serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams","text":"",
             "from":{"id":"29:megan","name":"Megan"},"recipient":{"id":"28:bot"},
             "conversation":{"conversationType":"{{{conversationType}}}","id":"a:1","tenantId":"t1"},
             "channelData":{"tenant":{"id":"t1"}},
             "attachments":[
               {"contentType":"application/vnd.microsoft.teams.file.download.info",
                "contentUrl":"https://contoso-my.sharepoint.com/personal/megan_contoso_com/Documents/Microsoft Teams Chat Files/{{{name}}}",
                "name":"{{{name}}}",
                "content":{"downloadUrl":"{{{Url}}}","uniqueId":"1150D938-8870-4044-9F2C-5BBDEBA70C9D","fileType":"{{{fileType}}}","etag":"123"}},
               {"contentType":"text/html","content":"<p></p>"}]}
            """, TeamsJsonContext.Default.Activity)!;
        return ActivityTranslator.Translate(activity, activity.ReadTeamsChannelData(), DateTimeOffset.UtcNow);
    }
}
