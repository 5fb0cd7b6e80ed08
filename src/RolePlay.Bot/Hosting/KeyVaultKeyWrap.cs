using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core;

namespace RolePlay.Bot.Hosting;

/// <summary>Key Vault's wrapkey and unwrapkey operations on one RSA key (REST API 7.4, RSA-OAEP-256), hand-written
/// because Azure.Security.KeyVault.Keys is not served here; the key never leaves the vault, only the bytes it wraps
/// come and go. Synchronous, as Data Protection's encryptor and decryptor are.</summary>
public sealed class KeyVaultKeyWrap(HttpClient http, TokenCredential credential, Uri keyUri)
{
    public const string HttpClientName = "keyvault";

    private const string ApiVersion = "7.4";
    private const string Algorithm = "RSA-OAEP-256";
    private static readonly string[] Scopes = ["https://vault.azure.net/.default"];

    /// <summary>The key's URI as configured: the newest version wraps; each wrap names the version it used.</summary>
    public Uri KeyUri => keyUri;

    /// <summary>Wraps <paramref name="key"/> with the newest version of the key; returns that version's id (kid).</summary>
    public (string Kid, byte[] Wrapped) Wrap(byte[] key)
    {
        var answer = Call(new Uri(keyUri.AbsoluteUri.TrimEnd('/') + "/wrapkey?api-version=" + ApiVersion), key, "wrap");
        return ((string?)answer["kid"] ?? throw Unexpected("wrap", "no kid"), Base64Url.DecodeFromChars((string?)answer["value"] ?? throw Unexpected("wrap", "no value")));
    }

    /// <summary>Unwraps what the key version <paramref name="kid"/> wrapped. The kid must be a version of the configured
    /// key: a key ring element naming another vault or key is refused rather than sent a token.</summary>
    public byte[] Unwrap(string kid, byte[] wrapped)
    {
        if (!Uri.TryCreate(kid, UriKind.Absolute, out var version) || version.Authority != keyUri.Authority
            || !version.AbsolutePath.StartsWith(keyUri.AbsolutePath.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A key ring element was wrapped by '{kid}', not by a version of {KeyRing.Section}:KeyVaultKeyUri ({keyUri}).");
        }

        var answer = Call(new Uri(version.AbsoluteUri.TrimEnd('/') + "/unwrapkey?api-version=" + ApiVersion), wrapped, "unwrap");
        return Base64Url.DecodeFromChars((string?)answer["value"] ?? throw Unexpected("unwrap", "no value"));
    }

    private JsonObject Call(Uri operation, byte[] value, string what)
    {
        var token = credential.GetToken(new TokenRequestContext(Scopes), CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Post, operation)
        {
            Content = JsonContent.Create(new JsonObject { ["alg"] = Algorithm, ["value"] = Base64Url.EncodeToString(value) }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        using var response = http.Send(request);
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            // Key Vault's error body: {"error":{"code":"Forbidden","message":"..."}}.
            var error = TryParse(body)?["error"];
            throw new InvalidOperationException(
                $"Key Vault refused to {what} the key ring's key with {KeyRing.Section}:KeyVaultKeyUri ({keyUri}): {(int)response.StatusCode} " +
                $"{(string?)error?["code"] ?? response.ReasonPhrase}: {(string?)error?["message"] ?? "no message"}");
        }

        return TryParse(body) ?? throw Unexpected(what, "a body that is not JSON");
    }

    private static JsonObject? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private InvalidOperationException Unexpected(string what, string problem) =>
        new($"Key Vault's answer to {what} with {keyUri} holds {problem}.");
}
