namespace RolePlay.Bot.Tests;

/// <summary>A bad setting stops the real process before it serves, with one plain line per problem and no stack trace.</summary>
public sealed class StartupRefusalTests
{
    [Theory]
    [InlineData("Teams:MicrosoftAppId must be the bot's Entra application id (a GUID), got 'not-a-guid'.",
        "--Teams:MicrosoftAppId=not-a-guid", "--Teams:MicrosoftAppPassword=secret")]
    [InlineData("Failed to convert configuration value 'abc' at 'Slack:ChannelMessageInterval' to type 'System.TimeSpan'.",
        "--Slack:SigningSecret=s", "--Slack:BotToken=xoxb-1", "--Slack:ChannelMessageInterval=abc")]
    [InlineData("Recognition:DailyCapPerManager must be 1 or more.", "--Recognition:DailyCapPerManager=0")]
    [InlineData("Web:PublicUrl must be an absolute https address (http only for a loopback one), with no query or fragment.",
        "--Web:PublicUrl=http://roleplay.example/")]
    [InlineData("Failed to convert configuration value 'seven' at 'Practice:Seed'", "--Practice:Seed=seven")]
    [InlineData("ForwardedHeaders:KnownNetworks:0 must be a network in CIDR notation (10.0.0.0/8), got '10.0.0.0'.",
        "--ForwardedHeaders:KnownNetworks:0=10.0.0.0")]
    [InlineData("DataProtection:BlobUri must be the https URL of a blob, e.g. https://account.blob.core.windows.net/roleplay-keys/keys.xml, got 'roleplay-keys'.",
        "--DataProtection:BlobUri=roleplay-keys")]
    [InlineData("PersonaVoice:Model must name the model (or, on Azure OpenAI, the deployment).",
        "--PersonaVoice:Provider=OpenAI", "--PersonaVoice:Endpoint=http://127.0.0.1:11434/v1")]
    [InlineData("PersonaVoice:Endpoints:ours:Provider must be OpenAI or AzureOpenAI, got 'Bard'.",
        "--PersonaVoice:Endpoints:ours:Provider=Bard", "--PersonaVoice:Endpoints:ours:Endpoint=https://llm.example.com/v1",
        "--PersonaVoice:Endpoints:ours:Model=m", "--PersonaVoice:Endpoints:ours:ApiKey=k")]
    [InlineData("Slack:RedirectUri is required with OAuth install",
        "--Slack:SigningSecret=s", "--Slack:ClientId=1.2", "--Slack:ClientSecret=c")]
    public async Task A_bad_setting_is_refused_with_its_message_and_no_stack_trace(string expected, params string[] settings)
    {
        var dir = Directory.CreateTempSubdirectory("roleplay-refused-").FullName;
        try
        {
            var result = await BotProcess.RunAsync("", ["--urls", "http://127.0.0.1:0", "--Storage:Sqlite:Path=" + Path.Combine(dir, "roleplay.db"), .. settings]);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("RolePlay will not start: " + expected, result.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", result.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "roleplay.db")), "nothing is created before the settings are known good");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
