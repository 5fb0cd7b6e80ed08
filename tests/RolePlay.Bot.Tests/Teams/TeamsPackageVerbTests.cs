using System.IO.Compression;
using System.Text.Json.Nodes;

namespace RolePlay.Bot.Tests.Teams;

public sealed class TeamsPackageVerbTests : IDisposable
{
    private const string AppId = "0f9c6b1e-7d2a-4c3b-8e5f-1a2b3c4d5e6f";
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-package-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Package_writes_the_zip_with_the_app_id_in_the_manifest_and_both_icons()
    {
        var zip = Path.Combine(_dir, "roleplay-teams.zip");

        // The test runs in the build output inside the repository, so the default manifests/teams is found upward.
        var result = await BotProcess.RunAsync("", "teams", "package", "--app-id", AppId, "--out", zip);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains(zip, result.StdOut, StringComparison.Ordinal);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_app_id_writes_nothing_and_says_why()
    {
        var zip = Path.Combine(_dir, "roleplay-teams.zip");

        var result = await BotProcess.RunAsync("", "teams", "package", "--app-id", "not-a-guid", "--out", zip);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("GUID", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task A_manifest_folder_without_a_manifest_is_reported()
    {
        var result = await BotProcess.RunAsync("", "teams", "package", "--app-id", AppId, "--out", Path.Combine(_dir, "x.zip"), "--manifest", _dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("manifest.json", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_id_is_required()
    {
        var result = await BotProcess.RunAsync("", "teams", "package", "--out", Path.Combine(_dir, "x.zip"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--app-id", result.StdErr, StringComparison.Ordinal);
    }
}
