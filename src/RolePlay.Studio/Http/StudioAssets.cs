using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace RolePlay.Studio.Http;

/// <summary>The studio's pages, scripts and styles, embedded in the assembly at build time (Microsoft's Adaptive Cards
/// bundle included, from npm), read once and served with an ETag. Nothing is fetched from elsewhere, so the pages
/// work offline. The host puts its security headers (Content-Security-Policy and the rest) on every response.</summary>
public sealed class StudioAssets
{
    private const string Prefix = "studio/";

    private readonly Dictionary<string, Asset> _assets;

    public StudioAssets()
    {
        var assembly = typeof(StudioAssets).Assembly;
        _assets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..], n => Load(assembly, n), StringComparer.Ordinal);
    }

    public IResult Serve(HttpContext context, string name)
    {
        if (!_assets.TryGetValue(name, out var asset))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";

        return context.Request.Headers.IfNoneMatch == asset.ETag
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }

    private static Asset Load(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return new Asset(bytes, ContentTypeOf(name), new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"").ToString());
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
