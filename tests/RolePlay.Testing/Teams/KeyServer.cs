using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RolePlay.Testing.Teams;

/// <summary>Stands in for login.botframework.com and Entra: serves OpenID metadata and key sets (Bot Framework keys
/// with <c>endorsements</c>) and issues RS256 tokens signed with test keys.</summary>
public sealed class KeyServer : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly LocalServer _server;
    private int _keyRequests;

    private KeyServer(LocalServer server) => _server = server;

    /// <summary>Published, endorsed for msteams.</summary>
    public static RsaSecurityKey ChannelKey { get; } = NewKey("channel-key");

    /// <summary>Published, endorsed only for webchat.</summary>
    public static RsaSecurityKey WebChatKey { get; } = NewKey("webchat-key");

    /// <summary>Published in the Entra key set (no endorsements there).</summary>
    public static RsaSecurityKey EntraKey { get; } = NewKey("entra-key");

    /// <summary>Published (endorsed for msteams) only after <see cref="Roll"/>: a key roll-over.</summary>
    public static RsaSecurityKey RolledKey { get; } = NewKey("rolled-key");

    private volatile bool _rolled;

    /// <summary>Starts publishing <see cref="RolledKey"/> too.</summary>
    public void Roll() => _rolled = true;

    /// <summary>Never published anywhere.</summary>
    public static RsaSecurityKey RogueKey { get; } = NewKey("rogue-key");

    public string BotFrameworkMetadataUrl => new Uri(_server.BaseUri, "bf/.well-known/openidconfiguration").AbsoluteUri;

    public string EntraMetadataUrlTemplate => _server.BaseUri.AbsoluteUri + "entra/{tenant}/v2.0/.well-known/openid-configuration";

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<KeyServer> StartAsync()
    {
        KeyServer? self = null;
        var server = await LocalServer.StartAsync(_ => { }, app =>
        {
            app.MapGet("/bf/.well-known/openidconfiguration", (HttpContext c) => Metadata(c, BotFrameworkIssuer, "bf/keys"));
            app.MapGet("/bf/keys", () =>
            {
                Interlocked.Increment(ref self!._keyRequests);
                return self._rolled
                    ? Results.Text(JsonWebKeys.Set((ChannelKey, ["msteams"]), (WebChatKey, ["webchat"]), (RolledKey, ["msteams"])), "application/json")
                    : Results.Text(JsonWebKeys.Set((ChannelKey, ["msteams"]), (WebChatKey, ["webchat"])), "application/json");
            });
            app.MapGet("/entra/{tenant}/v2.0/.well-known/openid-configuration",
                (HttpContext c, string tenant) => Metadata(c, $"https://login.microsoftonline.com/{tenant}/v2.0", $"entra/{tenant}/keys"));
            app.MapGet("/entra/{tenant}/keys", () => Results.Text(JsonWebKeys.Set((EntraKey, null)), "application/json"));
        });
        self = new KeyServer(server);
        return self;
    }

    /// <summary>A token as Teams' channel service would send it, with any part overridable to make it wrong.</summary>
    public static string Issue(string audience, string? serviceUrl, string issuer = BotFrameworkIssuer, SecurityKey? key = null,
        DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? ChannelKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An <c>alg: none</c> token carrying otherwise valid claims.</summary>
    public static string Unsigned(string audience, string serviceUrl)
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var payload = new JsonObject { ["iss"] = BotFrameworkIssuer, ["aud"] = audience, ["serviceurl"] = serviceUrl, ["exp"] = exp, ["nbf"] = exp - 3600 };
        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + ".";
    }

    /// <summary>A valid token whose payload was edited after signing (the serviceurl swapped).</summary>
    public static string Tampered(string audience, string serviceUrl, string newServiceUrl)
    {
        var parts = Issue(audience, serviceUrl).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(serviceUrl, newServiceUrl, StringComparison.Ordinal);
        return parts[0] + "." + Base64UrlEncoder.Encode(payload) + "." + parts[2];
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static IResult Metadata(HttpContext context, string issuer, string keysPath)
    {
        var baseUri = $"{context.Request.Scheme}://{context.Request.Host}/";
        var metadata = new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = baseUri + "authorize",
            ["jwks_uri"] = baseUri + keysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        return Results.Text(metadata.ToJsonString(), "application/json");
    }

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };
}
