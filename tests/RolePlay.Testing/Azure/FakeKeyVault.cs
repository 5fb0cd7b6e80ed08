using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RolePlay.Testing.Teams;

namespace RolePlay.Testing.Azure;

/// <summary>A local stand-in for one Azure Key Vault's key operations as the key ring uses them (REST API 7.4):
/// wrapkey with a key's newest version, unwrapkey with the version named, RSA-OAEP-256 only, keys that can be rotated.
/// Faithful where the client depends on it: 401 with Key Vault's challenge when no bearer token comes, 403 Forbidden
/// by RBAC when <see cref="Forbid"/> is set, 404 KeyNotFound, 400 BadParameter, each with Key Vault's error body.</summary>
public sealed class FakeKeyVault : IAsyncDisposable
{
    public const string ApiVersion = "7.4";

    private readonly LocalServer _server;
    private readonly ConcurrentDictionary<string, List<(string Version, RSA Key)>> _keys = new(StringComparer.OrdinalIgnoreCase);
    private int _wraps;
    private int _unwraps;

    private FakeKeyVault(LocalServer server) => _server = server;

    public Uri VaultUri => _server.BaseUri;

    public bool Forbid { get; set; }

    public int Wraps => Volatile.Read(ref _wraps);

    public int Unwraps => Volatile.Read(ref _unwraps);

    /// <summary>Creates the key, or a new version of it (a rotation); returns the key's URI without a version.</summary>
    public Uri CreateKey(string name)
    {
        var versions = _keys.GetOrAdd(name, _ => []);
        lock (versions)
        {
            versions.Add((Guid.NewGuid().ToString("N"), RSA.Create(2048)));
        }

        return new Uri(VaultUri, $"keys/{name}");
    }

    public static async Task<FakeKeyVault> StartAsync()
    {
        FakeKeyVault? self = null;
        var server = await LocalServer.StartAsync(_ => { }, app =>
        {
            app.MapPost("/keys/{name}/wrapkey", (HttpContext c, string name) => self!.OperateAsync(c, name, null, wrap: true));
            app.MapPost("/keys/{name}/{version}/unwrapkey", (HttpContext c, string name, string version) => self!.OperateAsync(c, name, version, wrap: false));
        });
        self = new FakeKeyVault(server);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var versions in _keys.Values)
        {
            versions.ForEach(v => v.Key.Dispose());
        }
    }

    private async Task<IResult> OperateAsync(HttpContext context, string name, string? version, bool wrap)
    {
        if (context.Request.Query["api-version"] != ApiVersion)
        {
            return Error(400, "BadParameter", $"The specified version ({context.Request.Query["api-version"]}) is not recognized. Consider using the latest supported version ({ApiVersion}).");
        }

        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            context.Response.Headers.WWWAuthenticate =
                "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000\", resource=\"https://vault.azure.net\"";
            return Error(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
        }

        if (Forbid)
        {
            return Error(403, "Forbidden",
                $"Caller is not authorized to perform action on resource. Action: 'Microsoft.KeyVault/vaults/keys/{(wrap ? "wrap" : "unwrap")}/action'.");
        }

        var key = Find(name, version);
        if (key is null)
        {
            return Error(404, "KeyNotFound", $"A key with (name/id) {name}{(version is null ? "" : "/" + version)} was not found in this key vault.");
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        if ((string?)body?["alg"] != "RSA-OAEP-256" || (string?)body["value"] is not { } value)
        {
            return Error(400, "BadParameter", "Property alg must be a key wrapping algorithm the key supports, with a value.");
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(value);
            var result = wrap ? key.Value.Key.Encrypt(bytes, RSAEncryptionPadding.OaepSHA256) : key.Value.Key.Decrypt(bytes, RSAEncryptionPadding.OaepSHA256);
            Interlocked.Increment(ref wrap ? ref _wraps : ref _unwraps);
            return Results.Json(new JsonObject { ["kid"] = new Uri(VaultUri, $"keys/{name}/{key.Value.Version}").AbsoluteUri, ["value"] = Base64Url.EncodeToString(result) });
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return Error(400, "BadParameter", "The parameter value is not valid for this operation.");
        }
    }

    /// <summary>The version named, or the newest.</summary>
    private (string Version, RSA Key)? Find(string name, string? version)
    {
        if (!_keys.TryGetValue(name, out var versions))
        {
            return null;
        }

        lock (versions)
        {
            return version is null ? versions[^1] : versions.Where(v => v.Version == version).Select(v => ((string, RSA)?)v).FirstOrDefault();
        }
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);
}
