using System.Reflection;

namespace RolePlay.Infrastructure.Tests;

/// <summary>Where the checked files and the Bicep CLI are: handed over by the project file (AssemblyMetadata).</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The <c>bicep</c> executable of NuGet's Azure.Bicep.CommandLine.linux-x64 ($(BicepPath)).</summary>
    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string Infra { get; } = Path.Combine(Root, "infra");

    public static string Dockerfile { get; } = Path.Combine(Root, "Dockerfile");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no {key}: see RolePlay.Infrastructure.Tests.csproj.");
}
