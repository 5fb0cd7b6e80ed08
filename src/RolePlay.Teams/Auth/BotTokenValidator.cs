using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace RolePlay.Teams.Auth;

/// <summary>Why a request was or was not authenticated (the reason is for logs, never for the caller).</summary>
public readonly record struct AuthResult(bool IsValid, string? Failure)
{
    public static AuthResult Ok { get; } = new(true, null);

    public static AuthResult Fail(string reason) => new(false, reason);
}

/// <summary>Validates the bearer token Teams sends with each activity: Bot Framework channel tokens (issuer, audience,
/// lifetime, key endorsement for the channel, <c>serviceurl</c> claim) and, for single-tenant bots, Entra tokens of
/// the app's own tenant. Keys are cached (<see cref="KeySource"/>) and fetched again on an unknown key id.</summary>
public sealed class BotTokenValidator
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly KeySource _botFrameworkKeys;
    private readonly KeySource? _entraKeys;
    private readonly string[] _botFrameworkAudiences;
    private readonly string[] _entraAudiences;
    private readonly string[] _entraIssuers;

    public BotTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory)
    {
        _options = options.Value;
        var appId = _options.MicrosoftAppId ?? "";
        var documents = new HttpDocumentRetriever(httpClientFactory.CreateClient(nameof(BotTokenValidator)))
        {
            RequireHttps = _options.RequireHttpsMetadata,
        };
        _botFrameworkKeys = CreateManager(_options.OpenIdMetadataUrl, documents);
        _botFrameworkAudiences = [appId];
        _entraAudiences = [appId, $"api://{appId}", $"api://botid-{appId}"];
        if (_options.MicrosoftAppType == TeamsAppType.SingleTenant && _options.MicrosoftAppTenantId is { } tenant)
        {
            _entraKeys = CreateManager(_options.EntraOpenIdMetadataUrlTemplate.Replace("{tenant}", tenant, StringComparison.Ordinal), documents);
            _entraIssuers = [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"];
        }
        else
        {
            _entraIssuers = [];
        }
    }

    public async Task<AuthResult> ValidateAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (!TryReadBearer(authorization, out var token))
        {
            return AuthResult.Fail("missing or malformed Authorization header");
        }

        if (!_handler.CanReadToken(token))
        {
            return AuthResult.Fail("not a JWT");
        }

        string? issuer;
        try
        {
            issuer = _handler.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return AuthResult.Fail("unreadable JWT");
        }

        var isBotFramework = string.Equals(issuer, TeamsOptions.BotFrameworkIssuer, StringComparison.Ordinal);
        var isEntra = !isBotFramework && _entraKeys is not null && _entraIssuers.Contains(issuer, StringComparer.Ordinal);
        if (!isBotFramework && !isEntra)
        {
            return AuthResult.Fail($"untrusted issuer '{issuer}'");
        }

        var keys = isBotFramework ? _botFrameworkKeys : _entraKeys!;
        var result = await ValidateWithKeysAsync(token, keys, isBotFramework, cancellationToken).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key we have not seen yet: the issuer may have rolled its keys. Refresh once, try once more.
            if (await TryForceRefreshAsync(keys, cancellationToken).ConfigureAwait(false))
            {
                result = await ValidateWithKeysAsync(token, keys, isBotFramework, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!result.IsValid)
        {
            return AuthResult.Fail(result.Exception?.GetType().Name ?? "invalid token");
        }

        if (isBotFramework)
        {
            var configuration = await keys.GetAsync(cancellationToken).ConfigureAwait(false);
            var kid = result.SecurityToken.SigningKey?.KeyId;
            if (kid is null || !configuration.Endorsements.TryGetValue(kid, out var endorsed)
                || !endorsed.Contains(channelId ?? "", StringComparer.OrdinalIgnoreCase))
            {
                return AuthResult.Fail($"signing key '{kid}' is not endorsed for channel '{channelId}'");
            }
        }

        result.Claims.TryGetValue("serviceurl", out var claimed);
        if (isBotFramework || claimed is not null)
        {
            if (claimed is not string claimedUrl || !string.Equals(claimedUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return AuthResult.Fail("serviceurl claim does not match the activity's serviceUrl");
            }
        }

        return AuthResult.Ok;
    }

    private async Task<TokenValidationResult> ValidateWithKeysAsync(string token, KeySource keys, bool isBotFramework,
        CancellationToken cancellationToken)
    {
        SigningKeys configuration;
        try
        {
            configuration = await keys.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or System.Text.Json.JsonException)
        {
            return new TokenValidationResult { IsValid = false, Exception = e };
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = isBotFramework ? [TeamsOptions.BotFrameworkIssuer] : _entraIssuers,
            ValidAudiences = isBotFramework ? _botFrameworkAudiences : _entraAudiences,
            IssuerSigningKeys = configuration.Keys,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            ValidAlgorithms = Algorithms,
        };
        return await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
    }

    private static bool TryReadBearer(string? authorization, out string token)
    {
        token = "";
        var parts = authorization?.Split(' ');
        if (parts is not [var scheme, var value] || !string.Equals(scheme, "Bearer", StringComparison.Ordinal) || value.Length == 0)
        {
            return false;
        }

        token = value;
        return true;
    }

    private static KeySource CreateManager(string address, IDocumentRetriever documents) => new(address, documents);

    private static async Task<bool> TryForceRefreshAsync(KeySource keys, CancellationToken cancellationToken)
    {
        try
        {
            return await keys.ForceRefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
