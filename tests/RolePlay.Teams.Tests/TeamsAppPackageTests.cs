using System.IO.Compression;
using System.Text.Json.Nodes;
using RolePlay.Teams.Packaging;
using RolePlay.Teams.Tests.Infrastructure;

namespace RolePlay.Teams.Tests;

public sealed class TeamsAppPackageTests : IDisposable
{
    private const string AppId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("teams-package-");

    public void Dispose() => _work.Delete(recursive: true);

    private static string ManifestDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "manifests", "teams");
                if (File.Exists(Path.Combine(candidate, "manifest.json")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("manifests/teams not found above the test output.");
        }
    }

    private string Zip => Path.Combine(_work.FullName, "out", "roleplay-teams.zip");

    [Fact]
    public void The_package_holds_the_manifest_with_the_app_id_and_both_icons_at_the_root()
    {
        TeamsAppPackage.Create(ManifestDir, AppId, Zip);

        using var zip = ZipFile.OpenRead(Zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.DoesNotContain(TeamsAppPackage.Placeholder, manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_icons_have_the_sizes_Teams_requires()
    {
        Assert.Equal((192, 192), TeamsAppPackage.ReadPngSize(File.ReadAllBytes(Path.Combine(ManifestDir, "color.png")), "color.png"));
        Assert.Equal((32, 32), TeamsAppPackage.ReadPngSize(File.ReadAllBytes(Path.Combine(ManifestDir, "outline.png")), "outline.png"));
    }

    [Fact]
    public void The_manifest_offers_the_bot_in_every_scope_with_the_commands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")))!;
        var bot = manifest["bots"]![0]!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => c!["title"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "help", "practice", "pause", "resume", "stop", "settings", "team setup" }, commands);
        // Teams offers to attach a file in the personal chat only when the bot says it takes files (voice clips).
        Assert.True(bot["supportsFiles"]!.GetValue<bool>());
    }

    [Fact]
    public void An_app_id_that_is_not_a_guid_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TeamsAppPackage.Create(ManifestDir, "my-bot", Zip));

        Assert.Contains("GUID", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Zip));
    }

    [Theory]
    [InlineData("color.png", 32, "192×192")]
    [InlineData("outline.png", 192, "32×32")]
    public void An_icon_of_the_wrong_size_is_refused(string icon, int size, string expected)
    {
        var dir = CopyManifest();
        File.WriteAllBytes(Path.Combine(dir, icon), Png(size));

        var error = Assert.Throws<InvalidDataException>(() => TeamsAppPackage.Create(dir, AppId, Zip));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_icon_that_is_not_a_png_is_refused()
    {
        var dir = CopyManifest();
        File.WriteAllText(Path.Combine(dir, "color.png"), "GIF89a not a png at all");

        var error = Assert.Throws<InvalidDataException>(() => TeamsAppPackage.Create(dir, AppId, Zip));

        Assert.Contains("not a PNG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_icon_or_broken_manifest_is_refused_with_its_name()
    {
        var dir = CopyManifest();
        File.Delete(Path.Combine(dir, "outline.png"));
        Assert.Contains("outline.png", Assert.Throws<InvalidDataException>(() => TeamsAppPackage.Create(dir, AppId, Zip)).Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{ not json");
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => TeamsAppPackage.Create(dir, AppId, Zip)).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_packaged_manifest_validates_against_the_v1_17_schema()
    {
        TeamsAppPackage.Create(ManifestDir, AppId, Zip);
        using var zip = ZipFile.OpenRead(Zip);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());

        Assert.Empty(Schemas.TeamsManifestErrors(JsonNode.Parse(reader.ReadToEnd())!));
    }

    [SkippableFact]
    public void The_schema_check_catches_a_broken_manifest()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")).Replace(TeamsAppPackage.Placeholder, AppId, StringComparison.Ordinal))!;
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("everywhere");

        Assert.NotEmpty(Schemas.TeamsManifestErrors(manifest));
    }

    private string CopyManifest()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_work.FullName, "manifest")).FullName;
        foreach (var file in Directory.GetFiles(ManifestDir))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)), overwrite: true);
        }

        return dir;
    }

    /// <summary>Just enough PNG for the IHDR check: signature, then an IHDR chunk with the size.</summary>
    private static byte[] Png(int size)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), size);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), size);
        return bytes;
    }
}
