using Xunit;

namespace RolePlay.Testing;

/// <summary>The workspace's shared folder (real Slack and Teams payloads, official schemas). It exists in this workspace
/// and in CI only, never in a user's clone, so tests that read it skip elsewhere with a clear message and fail in CI if
/// it is missing.</summary>
public static class SharedFolder
{
    private static readonly Lazy<string?> Found = new(Find);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null unless the folder is there and CI=true (when the tests that read it run).</summary>
    public static string? Root => IsCi ? Found.Value : null;

    /// <summary>The folder's path, or a skip (outside CI) / failure (in CI) when it is absent.</summary>
    public static string Require()
    {
        Skip.IfNot(IsCi, "Needs the workspace's ../shared reference files (real payloads, schemas): runs only when CI=true.");
        return Found.Value ?? throw new DirectoryNotFoundException(
            "CI=true but no 'shared' folder (with payloads/ and schemas/) was found above the test assembly (set ROLEPLAY_SHARED).");
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Require(), .. parts]);

    /// <summary>The names of the files in one of its folders, in order; none outside CI.</summary>
    public static IReadOnlyList<string> FileNames(params string[] folder) =>
        Root is { } root && Directory.Exists(System.IO.Path.Combine([root, .. folder]))
            ? Directory.GetFiles(System.IO.Path.Combine([root, .. folder])).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The nearest ancestor's <c>shared/</c> holding <c>payloads/</c>: ../shared from the repository.</summary>
    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ROLEPLAY_SHARED") is { Length: > 0 } configured && Directory.Exists(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "payloads")))
            {
                return candidate;
            }
        }

        return null;
    }
}
