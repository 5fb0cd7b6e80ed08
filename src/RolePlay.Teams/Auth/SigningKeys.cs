using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace RolePlay.Teams.Auth;

/// <summary>The published signing keys and, per key id, the channels each key is endorsed for (Bot Framework only;
/// Entra keys carry none).</summary>
internal sealed record SigningKeys(IReadOnlyList<SecurityKey> Keys, IReadOnlyDictionary<string, string[]> Endorsements);

/// <summary>Reads an OpenID metadata document, then its <c>jwks_uri</c>, keeping each key's <c>endorsements</c>,
/// which the stock retriever drops. Plugged into <see cref="ConfigurationManager{T}"/> for caching and refresh.</summary>
internal sealed class SigningKeysRetriever : IConfigurationRetriever<SigningKeys>
{
    public async Task<SigningKeys> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        string jwksUri;
        using (var document = JsonDocument.Parse(metadata))
        {
            jwksUri = document.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
                ? uri.GetString()!
                : throw new InvalidOperationException($"OpenID metadata at {address} has no jwks_uri.");
        }

        return Parse(await retriever.GetDocumentAsync(jwksUri, cancel).ConfigureAwait(false));
    }

    internal static SigningKeys Parse(string jwks)
    {
        using var document = JsonDocument.Parse(jwks);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("The key set has no 'keys' array.");
        }

        var securityKeys = new List<SecurityKey>();
        var endorsements = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in keys.EnumerateArray())
        {
            var jsonWebKey = new JsonWebKey(key.GetRawText());
            securityKeys.Add(jsonWebKey);
            if (jsonWebKey.KeyId is { } kid && key.TryGetProperty("endorsements", out var endorsed) && endorsed.ValueKind == JsonValueKind.Array)
            {
                endorsements[kid] = endorsed.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetString()!)
                    .ToArray();
            }
        }

        return new SigningKeys(securityKeys, endorsements);
    }
}
