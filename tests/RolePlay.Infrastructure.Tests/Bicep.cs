using System.Text.Json.Nodes;

namespace RolePlay.Infrastructure.Tests;

/// <summary>The Bicep CLI from NuGet, run offline on the repository's infra/ folder.</summary>
internal static class Bicep
{
    public static Task<Tool.Result> RunAsync(params string[] args) => Tool.RunAsync(Repository.BicepPath, args, Repository.Infra);

    /// <summary>Every .bicep and .bicepparam file under infra/, relative to it.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Repository.Infra, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".bicepparam", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Infra, f))
            .Order(StringComparer.Ordinal);

    /// <summary>What a deployment with this parameter file would create (<c>bicep snapshot</c>: parameters, variables,
    /// loops and modules resolved; what only Azure knows left as expressions). The snapshot is written beside the
    /// parameter file, so infra/ is copied to a temporary folder first and the repository is left untouched.</summary>
    /// <param name="environment">The deploy-time values the parameter file reads with readEnvironmentVariable.</param>
    public static async Task<JsonObject> SnapshotAsync(string paramFile, IReadOnlyDictionary<string, string> environment)
    {
        var copy = Directory.CreateTempSubdirectory("roleplay-infra-").FullName;
        try
        {
            CopyDirectory(Repository.Infra, copy);
            var result = await Tool.RunAsync(Repository.BicepPath,
                ["snapshot", paramFile, "--mode", "overwrite", "--subscription-id", Deployment.SubscriptionId,
                    "--resource-group", Deployment.ResourceGroup, "--location", Deployment.Location, "--tenant-id", Deployment.TenantId],
                copy, environment);
            Assert.True(result.ExitCode == 0, $"bicep snapshot {paramFile} failed:\n{result.Output}");
            var snapshot = Path.ChangeExtension(Path.Combine(copy, paramFile), ".snapshot.json");
            return JsonNode.Parse(await File.ReadAllTextAsync(snapshot))!.AsObject();
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
