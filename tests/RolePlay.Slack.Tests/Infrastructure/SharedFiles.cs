namespace RolePlay.Slack.Tests.Infrastructure;

/// <summary>The workspace's shared reference files (real Slack payloads, manifest schemas). They exist only in this
/// workspace and in CI, so tests that read them run when CI=true and are skipped elsewhere.</summary>
public static class SharedFiles
{
    public static string? Root { get; } = Find();

    /// <summary>The shared directory, or a skip with the reason; in CI a missing directory is a failure, not a skip.</summary>
    public static string Require()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("CI") == "true",
            "Needs the workspace's ../shared reference files: runs only when CI=true.");
        return Root ?? throw new DirectoryNotFoundException(
            "CI=true but no 'shared' directory with payloads/slack was found above the test assembly (set ROLEPLAY_SHARED).");
    }

    public static IEnumerable<string> SlackPayloads() =>
        Root is null ? [] : Directory.GetFiles(Path.Combine(Root, "payloads", "slack")).Select(Path.GetFileName).OfType<string>()
            .Where(name => name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ROLEPLAY_SHARED") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "payloads", "slack")))
            {
                return candidate;
            }
        }

        return null;
    }
}
