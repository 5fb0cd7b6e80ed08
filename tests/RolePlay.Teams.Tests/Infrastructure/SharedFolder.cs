namespace RolePlay.Teams.Tests.Infrastructure;

/// <summary>The workspace's shared folder (schemas, real payloads). It exists in this workspace and in CI only, so
/// tests that read it skip elsewhere with a clear message, and fail in CI if it is missing.</summary>
public static class SharedFolder
{
    private static readonly Lazy<string?> Found = new(Find);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder's path, or a skip (outside CI) / failure (in CI) when it is absent.</summary>
    public static string Require()
    {
        if (Found.Value is { } path)
        {
            return path;
        }

        if (IsCi)
        {
            throw new InvalidOperationException("CI=true but no 'shared' folder (with schemas/) was found beside the repository.");
        }

        Skip.If(true, "The workspace 'shared' folder (schemas, real Teams payloads) is not beside this checkout; runs in CI.");
        return "";
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Require(), .. parts]);

    /// <summary>The nearest ancestor's <c>shared/</c> holding <c>schemas/</c>: ../shared from the repository.</summary>
    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ROLEPLAY_SHARED") is { Length: > 0 } configured && Directory.Exists(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "schemas")))
            {
                return candidate;
            }
        }

        return null;
    }
}
