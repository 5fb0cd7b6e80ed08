using RolePlay.Bot.Cli;

namespace RolePlay.Bot.Tests;

/// <summary>A word no verb takes is refused with the nearest verb or option, before anything runs; host settings still
/// pass through to ASP.NET Core as its own command line reads them.</summary>
public sealed class UnknownWordsTests
{
    [Theory]
    [InlineData("'contnet' is not a RolePlay verb. Did you mean 'content list'?", "contnet", "list")]
    [InlineData("'contnet' is not a RolePlay verb. Did you mean 'content'?", "--urls", "http://127.0.0.1:5000", "contnet")]
    [InlineData("'lsit' is not a verb of 'content'. Did you mean 'content list'?", "content", "lsit")]
    [InlineData("'exprot' is not a verb of 'lrs'. Did you mean 'lrs export'?", "lrs", "exprot", "--Storage:Provider=AzureTables")]
    [InlineData("'--jsn' is not an option of 'content list'. Did you mean '--json'?", "content", "list", "--jsn")]
    [InlineData("'xyz' is not a RolePlay verb (serve, chat, detect, content, teams, lrs, people, cues; --help explains them).", "xyz")]
    [InlineData("'contnet' is not a setting of 'serve': settings look like --Key=Value or --Key value, e.g. --Storage:Provider=AzureTables.",
        "serve", "contnet")]
    [InlineData("'extra' is not something 'chat' takes (--help explains it).", "chat", "--scenario", "late-delivery-birthday", "extra")]
    public void A_word_no_verb_takes_is_named_with_the_nearest_one(string expected, params string[] args) =>
        Assert.Equal(expected, UnknownWords.Problem(RolePlayCli.Build().Parse(args)));

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5000", "--Storage:Provider=AzureTables")]
    [InlineData("serve", "--urls", "http://127.0.0.1:5000", "/Storage:Sqlite:Path", "data/x.db", "Logging:LogLevel:Default=Warning")]
    [InlineData("--content", "packs", "--Teams:MicrosoftAppId=5f2b8a34-0c5e-4d7e-9a1b-2c3d4e5f6a7b", "-x")]
    [InlineData("lrs", "resend", "--platform", "studio", "--tenant", "local", "--Storage:Sqlite:Path", "data/x.db")]
    [InlineData("content", "validate", "packs")]
    public void Verbs_and_host_settings_pass(params string[] args) =>
        Assert.Null(UnknownWords.Problem(RolePlayCli.Build().Parse(args)));

    [Fact]
    public async Task A_mistyped_verb_exits_with_the_suggestion_and_never_serves()
    {
        var dir = Directory.CreateTempSubdirectory("roleplay-typo-").FullName;
        try
        {
            var db = Path.Combine(dir, "roleplay.db");
            var result = await BotProcess.RunAsync("", "contnet", "list", "--urls", $"http://127.0.0.1:{ServeTests.FreePort()}", $"--Storage:Sqlite:Path={db}");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("'contnet' is not a RolePlay verb. Did you mean 'content list'?", result.StdErr.Trim());
            Assert.Equal("", result.StdOut);
            Assert.False(File.Exists(db), "the server's storage was never opened");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
