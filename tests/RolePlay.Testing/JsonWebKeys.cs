using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace RolePlay.Testing;

/// <summary>A JWKS document (RFC 7517) for the fake identity services' RSA keys; Bot Framework keys also carry the
/// channels that endorse them.</summary>
public static class JsonWebKeys
{
    public static string Set(params (RsaSecurityKey Key, string[]? Endorsements)[] keys)
    {
        var array = new JsonArray();
        foreach (var (key, endorsements) in keys)
        {
            var parameters = key.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode?)e).ToArray());
            }

            array.Add(jwk);
        }

        return new JsonObject { ["keys"] = array }.ToJsonString();
    }
}
