namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>The recognition cap comes from configuration and is checked before the bot serves.</summary>
public sealed class RecognitionSettingsTests
{
    [Fact]
    public async Task A_cap_below_one_stops_the_start_with_a_clear_message()
    {
        var dir = Directory.CreateTempSubdirectory("roleplay-cap-").FullName;
        try
        {
            var result = await BotProcess.RunAsync("", "--urls", "http://127.0.0.1:0", "--Recognition:DailyCapPerManager=0",
                "--Storage:Sqlite:Path=" + Path.Combine(dir, "roleplay.db"));

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("RolePlay will not start: Recognition:DailyCapPerManager must be 1 or more.", result.StdErr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
