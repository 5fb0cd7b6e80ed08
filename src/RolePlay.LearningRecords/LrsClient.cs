using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using RolePlay.Channels.Http;
using RolePlay.Core.Storage;

namespace RolePlay.LearningRecords;

/// <summary>What the LRS made of a batch of statements.</summary>
public abstract record LrsAnswer
{
    /// <summary>Stored (or already held, same content): nothing left to do.</summary>
    public sealed record Accepted : LrsAnswer;

    /// <summary>Refused for good (400 invalid, 409 the id holds another statement), with the LRS's words.</summary>
    public sealed record Refused(string Reason) : LrsAnswer;

    /// <summary>Not now (429, 5xx, a network fault, the sign-in refused): send again after a wait, the LRS's own when
    /// it said Retry-After.</summary>
    public sealed record Later(string Problem, TimeSpan? RetryAfter = null) : LrsAnswer;
}

/// <summary>The statements resource of xAPI's LRS API: <c>POST {endpoint}statements</c> with a batch, the
/// <c>X-Experience-API-Version</c> header, and basic auth or an OAuth 2.0 client-credentials token (fetched once and
/// kept until shortly before it expires).</summary>
public sealed class LrsClient(HttpClient http, TimeProvider time)
{
    private const int MaxReason = 500;
    private readonly Dictionary<string, (string Token, DateTimeOffset Until)> _tokens = [];
    private readonly SemaphoreSlim _tokenGate = new(1, 1);

    public async Task<LrsAnswer> PostAsync(LrsTenantOptions lrs, IReadOnlyList<QueuedStatement> statements, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lrs);
        ArgumentNullException.ThrowIfNull(statements);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(lrs.Endpoint!, "statements"))
            {
                Content = new StringContent("[" + string.Join(",", statements.Select(s => s.Json)) + "]", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Experience-API-Version", lrs.Version);
            request.Headers.Authorization = await AuthorizationAsync(lrs, ct).ConfigureAwait(false);
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new LrsAnswer.Accepted();
            }

            var said = await ReasonAsync(response, ct).ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.BadRequest or HttpStatusCode.Conflict => new LrsAnswer.Refused($"{(int)response.StatusCode}: {said}"),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Forget(lrs, new LrsAnswer.Later($"{(int)response.StatusCode} (check the LRS credentials): {said}")),
                _ => new LrsAnswer.Later($"{(int)response.StatusCode}: {said}", RetryAfter.Of(response, time)),
            };
        }
        catch (HttpRequestException e)
        {
            return new LrsAnswer.Later($"unreachable: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new LrsAnswer.Later("timed out");
        }
    }

    private async Task<AuthenticationHeaderValue> AuthorizationAsync(LrsTenantOptions lrs, CancellationToken ct)
    {
        if (!lrs.UsesOAuth)
        {
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{lrs.Username}:{lrs.Password}")));
        }

        await _tokenGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var key = lrs.TokenUrl + "|" + lrs.ClientId;
            if (_tokens.TryGetValue(key, out var kept) && kept.Until > time.GetUtcNow())
            {
                return new AuthenticationHeaderValue("Bearer", kept.Token);
            }

            var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = lrs.ClientId!, ["client_secret"] = lrs.ClientSecret! };
            if (!string.IsNullOrEmpty(lrs.Scope))
            {
                form["scope"] = lrs.Scope;
            }

            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync(lrs.TokenUrl, content, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the token endpoint answered {(int)response.StatusCode}: {await ReasonAsync(response, ct).ConfigureAwait(false)}");
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct).ConfigureAwait(false);
            if (string.IsNullOrEmpty(token?.access_token))
            {
                throw new HttpRequestException("the token endpoint answered without an access_token");
            }

            // Renewed a minute early, so no request goes out with a token about to lapse.
            _tokens[key] = (token.access_token, time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, (token.expires_in ?? 3600) - 60)));
            return new AuthenticationHeaderValue("Bearer", token.access_token);
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    /// <summary>A refused sign-in drops the kept token, so the next attempt fetches a new one.</summary>
    private LrsAnswer Forget(LrsTenantOptions lrs, LrsAnswer answer)
    {
        _tokens.Remove(lrs.TokenUrl + "|" + lrs.ClientId);
        return answer;
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = (await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).Trim();
        return body.Length == 0 ? response.ReasonPhrase ?? "no reason given" : body.Length > MaxReason ? body[..MaxReason] + "…" : body;
    }

#pragma warning disable IDE1006, CA1707 // The OAuth 2.0 token response's own field names.
    private sealed record TokenResponse(string? access_token, int? expires_in);
#pragma warning restore IDE1006, CA1707
}
