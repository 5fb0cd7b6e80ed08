using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RolePlay.Testing.Teams;

namespace RolePlay.Testing.Web;

/// <summary>An OpenID Connect provider on loopback standing in for Microsoft Entra ID (<c>/entra</c>, multi-tenant
/// metadata whose issuer has a <c>{tenantid}</c> placeholder, tokens with <c>tid</c>/<c>oid</c>) and for Sign in with
/// Slack (<c>/slack</c>, issuer <c>https://slack.com</c>, tokens with <c>https://slack.com/team_id</c> and
/// <c>https://slack.com/user_id</c>). The authorization-code flow as both document it: /authorize answers at once with
/// a code for <see cref="NextUser"/> (the person "signs in"); /token checks the client secret, the redirect URI and the
/// PKCE verifier before issuing an RS256 id_token carrying the nonce.</summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "roleplay-web";
    public const string ClientSecret = "test-client-secret";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "oidc-key" };

    /// <summary>Never published: a token signed with it must be refused.</summary>
    public static readonly RsaSecurityKey RogueKey = new(RSA.Create(2048)) { KeyId = "oidc-key" };

    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private LocalServer _server = null!;

    private sealed record Grant(string Realm, string RedirectUri, string Nonce, string? CodeChallenge, IReadOnlyDictionary<string, string> Claims);

    /// <summary>The claims of whoever signs in next (e.g. <c>tid</c>, <c>oid</c>, <c>name</c>).</summary>
    public IReadOnlyDictionary<string, string> NextUser { get; set; } = new Dictionary<string, string>();

    /// <summary>Sign the next tokens with <see cref="RogueKey"/> instead of the published key.</summary>
    public bool SignWithRogueKey { get; set; }

    public int TokenRequests { get; private set; }

    public string Authority(string realm) => realm == "entra" ? $"{_server.BaseUri}entra/organizations/v2.0" : $"{_server.BaseUri}slack";

    /// <summary>The bot's command-line settings for signing in against this provider's "entra" or "slack" realm.</summary>
    public string[] SignInSettings(string realm)
    {
        var section = realm == "entra" ? "Web:Entra" : "Web:Slack";
        return [$"--{section}:Authority={Authority(realm)}", $"--{section}:ClientId={ClientId}", $"--{section}:ClientSecret={ClientSecret}"];
    }

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var self = new FakeOidcProvider();
        self._server = await LocalServer.StartAsync(_ => { }, app =>
        {
            app.MapGet("/entra/organizations/v2.0/.well-known/openid-configuration",
                (HttpContext c) => Metadata(c, "https://login.microsoftonline.com/{tenantid}/v2.0", "entra"));
            app.MapGet("/slack/.well-known/openid-configuration", (HttpContext c) => Metadata(c, "https://slack.com", "slack"));
            app.MapGet("/{realm}/keys", () => Results.Text(JsonWebKeys.Set((Key, null)), "application/json"));
            app.MapGet("/{realm}/authorize", (string realm, HttpContext c) => self.Authorize(realm, c.Request.Query));
            app.MapPost("/{realm}/token", async (string realm, HttpContext c) => self.Token(realm, await c.Request.ReadFormAsync()));
        });
        return self;
    }

    private IResult Authorize(string realm, IQueryCollection query)
    {
        if (query["client_id"] != ClientId || query["response_type"] != "code" || string.IsNullOrEmpty(query["redirect_uri"]))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(realm, query["redirect_uri"]!, query["nonce"]!, query["code_challenge"], NextUser);
        var redirect = $"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"]!)}";
        return Results.Redirect(redirect);
    }

    private IResult Token(string realm, IFormCollection form)
    {
        TokenRequests++;
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant) || grant.Realm != realm
            || form["redirect_uri"] != grant.RedirectUri || ClientOf(form) is not (ClientId, ClientSecret)
            || (grant.CodeChallenge is not null && S256(form["code_verifier"].ToString()) != grant.CodeChallenge))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var claims = new Dictionary<string, object> { ["nonce"] = grant.Nonce };
        foreach (var (k, v) in grant.Claims)
        {
            claims[k] = v;
        }

        var issuer = realm == "entra" ? $"https://login.microsoftonline.com/{grant.Claims.GetValueOrDefault("tid")}/v2.0" : "https://slack.com";
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddMinutes(10),
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", grant.Claims.GetValueOrDefault("sub") ?? "subject")]),
            Claims = claims,
            SigningCredentials = new SigningCredentials(SignWithRogueKey ? RogueKey : Key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = "opaque-access-token", token_type = "Bearer", expires_in = 600, id_token = idToken });
    }

    /// <summary>client_secret_post (form) as the ASP.NET Core handler sends it, or client_secret_basic.</summary>
    private static (string?, string?) ClientOf(IFormCollection form) => (form["client_id"].ToString(), form["client_secret"].ToString());

    private static string S256(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static IResult Metadata(HttpContext context, string issuer, string realm)
    {
        var root = $"{context.Request.Scheme}://{context.Request.Host}/{realm}/";
        var metadata = new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = root + "authorize",
            ["token_endpoint"] = root + "token",
            ["jwks_uri"] = root + "keys",
            ["response_types_supported"] = new JsonArray("code"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
        };
        return Results.Text(metadata.ToJsonString(), "application/json");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
