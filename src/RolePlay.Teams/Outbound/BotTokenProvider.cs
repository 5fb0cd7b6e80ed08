using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Outbound;

/// <summary>The bearer token the bot presents to the connector; null in local mode.</summary>
public interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Drops the cached token (the connector refused it).</summary>
    void Invalidate();
}

/// <summary>OAuth client credentials against Entra: one cached token, renewed <see cref="RefreshAhead"/> before it
/// expires, and one request at a time however many senders ask at once.</summary>
public sealed partial class ClientCredentialsTokenProvider(
    IHttpClientFactory httpClientFactory, IOptions<TeamsOptions> options, TimeProvider time, ILogger<ClientCredentialsTokenProvider> logger)
    : IBotTokenProvider, IDisposable
{
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private readonly TeamsOptions _options = options.Value;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _cached;

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.IsLocalMode)
        {
            return null;
        }

        if (_cached is { } fresh && time.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.Value;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever waited behind the refresh finds the new token here instead of fetching again.
            if (_cached is { } refreshed && time.GetUtcNow() < refreshed.RefreshAt)
            {
                return refreshed.Value;
            }

            _cached = await FetchAsync(cancellationToken).ConfigureAwait(false);
            return _cached.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Invalidate() => _cached = null;

    public void Dispose() => _refresh.Dispose();

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var endpoint = _options.TokenEndpoint.Replace("{tenant}", Uri.EscapeDataString(_options.TokenTenant), StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.MicrosoftAppId!,
            ["client_secret"] = _options.MicrosoftAppPassword!,
            ["scope"] = _options.TokenScope,
        });
        var client = httpClientFactory.CreateClient(nameof(ClientCredentialsTokenProvider));
        using var response = await client.PostAsync(new Uri(endpoint), form, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo request details; log the status only.
            LogTokenFailure(logger, (int)response.StatusCode);
            throw new BotTokenException($"The token endpoint answered {(int)response.StatusCode}.");
        }

        var token = await response.Content.ReadFromJsonAsync(TeamsJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token?.AccessToken) || token.ExpiresIn is not > 0)
        {
            throw new BotTokenException("The token endpoint answered without access_token or expires_in.");
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn.Value);
        var refreshAt = time.GetUtcNow() + (lifetime > 2 * RefreshAhead ? lifetime - RefreshAhead : lifetime / 2);
        return new CachedToken(token.AccessToken, refreshAt);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot token request failed with HTTP {Status}")]
    private static partial void LogTokenFailure(ILogger logger, int status);
}

/// <summary>The bot could not obtain a connector token.</summary>
public sealed class BotTokenException(string message) : Exception(message);
