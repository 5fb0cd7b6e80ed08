using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RolePlay.Teams.Packaging;

/// <summary>Builds the zip that is uploaded to Teams: manifest.json (app id placeholder replaced) and its two
/// icons at the zip root, after checking the icons are PNGs of the sizes Teams demands.</summary>
public static class TeamsAppPackage
{
    public const string Placeholder = "{{BOT_APP_ID}}";
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;

    /// <summary>Writes <paramref name="outZip"/>; throws <see cref="InvalidDataException"/> naming the problem when
    /// the manifest or an icon is unusable, and <see cref="ArgumentException"/> for a bad app id.</summary>
    public static void Create(string manifestDir, string appId, string outZip)
    {
        if (!Guid.TryParse(appId, out var id))
        {
            throw new ArgumentException($"The app id must be the bot's Entra application id (a GUID), got '{appId}'.", nameof(appId));
        }

        var manifestPath = Path.Combine(manifestDir, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"No manifest.json in '{manifestDir}'.", manifestPath);
        }

        var text = File.ReadAllText(manifestPath).Replace(Placeholder, id.ToString("D"), StringComparison.Ordinal);
        JsonNode manifest;
        try
        {
            manifest = JsonNode.Parse(text) ?? throw new InvalidDataException($"{manifestPath} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{manifestPath} is not valid JSON: {e.Message}", e);
        }

        var icons = new[]
        {
            (Name: IconName(manifest, "color", manifestPath), Size: ColorIconSize),
            (Name: IconName(manifest, "outline", manifestPath), Size: OutlineIconSize),
        };
        var iconBytes = icons.Select(icon =>
        {
            var path = Path.Combine(manifestDir, icon.Name);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"Icon '{icon.Name}' named in {manifestPath} does not exist.");
            }

            var bytes = File.ReadAllBytes(path);
            var (width, height) = ReadPngSize(bytes, icon.Name);
            if (width != icon.Size || height != icon.Size)
            {
                throw new InvalidDataException($"Icon '{icon.Name}' is {width}×{height}; Teams requires {icon.Size}×{icon.Size}.");
            }

            return (icon.Name, bytes);
        }).ToList();

        var directory = Path.GetDirectoryName(Path.GetFullPath(outZip));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.Delete(outZip);
        using var zip = ZipFile.Open(outZip, ZipArchiveMode.Create);
        Write(zip, "manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
        foreach (var (name, bytes) in iconBytes)
        {
            Write(zip, name, bytes);
        }
    }

    /// <summary>Width and height from a PNG's IHDR chunk (the first chunk, right after the 8-byte signature).</summary>
    public static (int Width, int Height) ReadPngSize(ReadOnlySpan<byte> png, string name)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 24 || !png[..8].SequenceEqual(signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException($"Icon '{name}' is not a PNG file.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));
    }

    private static string IconName(JsonNode manifest, string kind, string manifestPath)
    {
        var name = manifest["icons"]?[kind] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(name) || Path.GetFileName(name) != name)
        {
            throw new InvalidDataException($"{manifestPath}: icons.{kind} must name a file next to the manifest, got '{name}'.");
        }

        return name;
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(bytes);
    }
}
