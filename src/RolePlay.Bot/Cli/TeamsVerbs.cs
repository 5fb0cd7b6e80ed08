using System.CommandLine;
using RolePlay.Teams.Packaging;

namespace RolePlay.Bot.Cli;

/// <summary><c>teams package</c>: the zip a Teams admin uploads (manifest with the bot's app id, and its icons).</summary>
internal static class TeamsVerbs
{
    private const string DefaultManifestDir = "manifests/teams";

    public static Command Build()
    {
        var teams = new Command("teams", "Microsoft Teams tools.");
        teams.Subcommands.Add(BuildPackage());
        return teams;
    }

    private static Command BuildPackage()
    {
        var appId = new Option<string>("--app-id")
        {
            Description = "The bot's Microsoft Entra application id (a GUID): the same value as Teams:MicrosoftAppId.",
            Required = true,
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the app package.",
            DefaultValueFactory = _ => new FileInfo("roleplay-teams.zip"),
        };
        var manifest = new Option<DirectoryInfo?>("--manifest")
        {
            Description = $"The folder holding manifest.json and the icons. Default: {DefaultManifestDir} in this folder or the nearest parent that has one.",
        };
        var package = new Command("package",
            "Build the Teams app package (manifest.json with the app id filled in, color.png 192x192, outline.png 32x32). " +
            "Upload it in Teams (Apps → Manage your apps → Upload an app) or in the Teams admin center.") { appId, output, manifest };
        package.SetAction(parseResult =>
        {
            var source = parseResult.GetValue(manifest)?.FullName ?? FindManifestDir();
            if (source is null)
            {
                Console.Error.WriteLine($"No {DefaultManifestDir}/manifest.json here or in a parent folder; pass --manifest DIR.");
                return 1;
            }

            var target = parseResult.GetValue(output)!.FullName;
            try
            {
                TeamsAppPackage.Create(source, parseResult.GetValue(appId)!, target);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"No package written: {e.Message}");
                return 1;
            }

            Console.Out.WriteLine($"wrote {target}");
            return 0;
        });
        return package;
    }

    private static string? FindManifestDir()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultManifestDir);
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
