using RolePlay.Core.Content.Loading;
namespace RolePlay.Core.Content;

/// <summary>Where content files come from: the packs shipped inside the assembly, and directories a team configures
/// (same layout: <c>personas/*.yaml</c>, <c>scenarios/*.yaml</c>, <c>cue-cards.yaml</c>, <c>warm-ups.yaml</c>).</summary>
public static class ContentSources
{
    private const string PackPrefix = "packs/";

    /// <summary>The embedded packs, with paths like <c>packs/core/personas/maria.yaml</c>, in path order.</summary>
    public static IEnumerable<ContentFile> Shipped()
    {
        var assembly = typeof(ContentSources).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.Replace('\\', '/').StartsWith(PackPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded content '{name}' could not be opened.");
            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            yield return new ContentFile(name.Replace('\\', '/'), reader.ReadToEnd());
        }
    }

    /// <summary>Every <c>*.yaml</c> / <c>*.yml</c> under <paramref name="dir"/>, recursively, in path order, named
    /// <c>&lt;dir as given&gt;/&lt;relative path&gt;</c>. Throws <see cref="DirectoryNotFoundException"/> for a missing
    /// directory; <see cref="ContentLoader.LoadShipped"/> reports that as a content error instead.</summary>
    public static IEnumerable<ContentFile> FromDirectory(string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"Content directory '{dir}' was not found.");
        }

        return ReadAll(dir);
    }

    private static IEnumerable<ContentFile> ReadAll(string dir)
    {
        var prefix = dir.TrimEnd('/', '\\');
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(IsYaml)
            .Select(path => (Full: path, Relative: Path.GetRelativePath(dir, path).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            yield return new ContentFile($"{prefix}/{relative}", File.ReadAllText(full));
        }
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
