using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using RolePlay.Channels.Http;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Installs;

namespace RolePlay.Slack.Api;

/// <summary>What conversations.open gave: the DM channel id when <see cref="Outcome"/> is Sent.</summary>
public sealed record DirectMessage(SendOutcome Outcome, string? ChannelId);

public sealed record SlackUser(string Id, string? Name, string? RealName, string? TimeZone, int? TimeZoneOffsetSeconds, bool Deleted, bool IsBot);

public sealed record SlackAuthIdentity(string? TeamId, string? EnterpriseId, string UserId, string? BotId, bool IsEnterpriseInstall)
{
    public string TenantId => (IsEnterpriseInstall || TeamId is null ? EnterpriseId : TeamId)
        ?? throw new SlackApiException("auth.test", "no_team_or_enterprise");
}

public sealed record SlackOAuthAccess(string AccessToken, string BotUserId, string? TeamId, string? TeamName, string? EnterpriseId,
    bool IsEnterpriseInstall, string? AuthedUserId)
{
    public string TenantId => (IsEnterpriseInstall || TeamId is null ? EnterpriseId : TeamId)
        ?? throw new SlackApiException("oauth.v2.access", "no_team_or_enterprise");

    public override string ToString() => $"SlackOAuthAccess {{ TenantId = {TenantId}, BotUserId = {BotUserId} }}";
}

/// <summary>The typed Slack Web API client. Every call for a workspace uses that workspace's own bot token (looked up
/// by tenant, never shared), names the pacing budget it spends (<see cref="SlackPace"/>), checks <c>ok</c>, and maps
/// failures to typed outcomes. Retries (429 after <c>Retry-After</c>, 5xx, dropped connections, timeouts) and pacing of
/// every attempt happen in the HTTP client's pipeline (<see cref="ChannelResilience"/>).</summary>
public sealed class SlackApiClient(
    HttpClient http,
    ISlackInstallStore installs,
    IUnreachableRecipients unreachable,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackApiClient> logger)
{
    private static readonly HashSet<string> RevokedErrors = ["token_revoked", "invalid_auth", "account_inactive_token", "not_authed"];
    private static readonly HashSet<string> GoneErrors = ["account_inactive", "user_not_found", "user_disabled"];

    /// <param name="recipientUser">The person a DM channel belongs to, so a gone person is marked unreachable by
    /// their user id rather than the channel id.</param>
    public async Task<SendOutcome> PostMessageAsync(string tenantId, string channel, string text, JsonArray? blocks = null,
        string? threadTs = null, CancellationToken cancellationToken = default, string? recipientUser = null)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        AddIfPresent(body, "blocks", blocks);
        AddIfPresent(body, "thread_ts", threadTs);
        return await SendAsync(tenantId, "chat.postMessage", body, recipientUser ?? channel, cancellationToken, channel);
    }

    public Task<SendOutcome> UpdateMessageAsync(string tenantId, string channel, string ts, string text, JsonArray? blocks = null,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text };
        AddIfPresent(body, "blocks", blocks);
        return SendAsync(tenantId, "chat.update", body, channel, cancellationToken);
    }

    public Task<SendOutcome> PostEphemeralAsync(string tenantId, string channel, string user, string text, JsonArray? blocks = null,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        AddIfPresent(body, "blocks", blocks);
        return SendAsync(tenantId, "chat.postEphemeral", body, user, cancellationToken);
    }

    public Task<SendOutcome> OpenViewAsync(string tenantId, string triggerId, JsonObject view, CancellationToken cancellationToken = default) =>
        SendAsync(tenantId, "views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, null, cancellationToken);

    public Task<SendOutcome> UpdateViewAsync(string tenantId, string viewId, JsonObject view, CancellationToken cancellationToken = default) =>
        SendAsync(tenantId, "views.update", new JsonObject { ["view_id"] = viewId, ["view"] = view }, null, cancellationToken);

    public Task<SendOutcome> PublishViewAsync(string tenantId, string userId, JsonObject view, CancellationToken cancellationToken = default) =>
        SendAsync(tenantId, "views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view }, userId, cancellationToken);

    /// <summary>The DM channel with a person (conversations.open).</summary>
    public async Task<string> OpenDirectMessageAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        var root = await QueryAsync(tenantId, "conversations.open", new JsonObject { ["users"] = userId }, cancellationToken);
        return root.GetProperty("channel").GetProperty("id").GetString() ?? throw new SlackApiException("conversations.open", "no_channel_id");
    }

    /// <summary>conversations.open as an outcome rather than an exception, for senders: <see cref="DirectMessage.ChannelId"/>
    /// is set when it was <see cref="SendOutcome.Sent"/>; a person who is gone is reported unreachable.</summary>
    public async Task<DirectMessage> TryOpenDirectMessageAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        var response = await CallForTenantAsync(tenantId, "conversations.open", new JsonObject { ["users"] = userId }, cancellationToken);
        var outcome = await OutcomeAsync(tenantId, response, userId, cancellationToken);
        if (outcome is not SendOutcome.Sent)
        {
            return new DirectMessage(outcome, null);
        }

        var channel = response.Root.TryGetProperty("channel", out var c) ? Str(c, "id") : null;
        return channel is null ? new DirectMessage(new SendOutcome.Failed("no_channel_id"), null) : new DirectMessage(outcome, channel);
    }

    /// <summary>users.info; <see cref="SlackUser.TimeZone"/> is the IANA id to schedule on (never the offset).</summary>
    public async Task<SlackUser> GetUserAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        var root = await QueryAsync(tenantId, "users.info", new JsonObject { ["user"] = userId }, cancellationToken);
        var user = root.GetProperty("user");
        return new SlackUser(
            user.GetProperty("id").GetString() ?? userId,
            Str(user, "name"),
            Str(user, "real_name"),
            Str(user, "tz"),
            user.TryGetProperty("tz_offset", out var offset) && offset.ValueKind == JsonValueKind.Number ? offset.GetInt32() : null,
            user.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True,
            user.TryGetProperty("is_bot", out var bot) && bot.ValueKind == JsonValueKind.True);
    }

    /// <summary>auth.test with an explicit token (single-workspace start-up learns its workspace with it).</summary>
    public async Task<SlackAuthIdentity> AuthTestAsync(string token, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("auth.test", JsonContent.Create(new JsonObject()), new AuthenticationHeaderValue("Bearer", token), null,
            cancellationToken);
        var root = Expect("auth.test", response);
        return new SlackAuthIdentity(Str(root, "team_id"), Str(root, "enterprise_id"),
            Str(root, "user_id") ?? throw new SlackApiException("auth.test", "no_user_id"), Str(root, "bot_id"),
            root.TryGetProperty("is_enterprise_install", out var org) && org.ValueKind == JsonValueKind.True);
    }

    /// <summary>Exchanges an OAuth code for the bot token (HTTP Basic client_id:client_secret, form body).</summary>
    public async Task<SlackOAuthAccess> ExchangeOAuthCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}"));
        var response = await CallAsync("oauth.v2.access",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["redirect_uri"] = redirectUri.ToString() }),
            new AuthenticationHeaderValue("Basic", basic), null, cancellationToken);
        var root = Expect("oauth.v2.access", response);
        var team = root.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        var enterprise = root.TryGetProperty("enterprise", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var authedUser = root.TryGetProperty("authed_user", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        return new SlackOAuthAccess(
            Str(root, "access_token") ?? throw new SlackApiException("oauth.v2.access", "no_access_token"),
            Str(root, "bot_user_id") ?? throw new SlackApiException("oauth.v2.access", "no_bot_user_id"),
            team.ValueKind == JsonValueKind.Object ? Str(team, "id") : null,
            team.ValueKind == JsonValueKind.Object ? Str(team, "name") : null,
            enterprise.ValueKind == JsonValueKind.Object ? Str(enterprise, "id") : null,
            root.TryGetProperty("is_enterprise_install", out var org) && org.ValueKind == JsonValueKind.True,
            authedUser.ValueKind == JsonValueKind.Object ? Str(authedUser, "id") : null);
    }

    private async Task<SendOutcome> SendAsync(string tenantId, string method, JsonObject body, string? recipient,
        CancellationToken cancellationToken, string? channel = null) =>
        await OutcomeAsync(tenantId, await CallForTenantAsync(tenantId, method, body, cancellationToken, channel), recipient, cancellationToken);

    private async Task<SendOutcome> OutcomeAsync(string tenantId, ApiResponse response, string? recipient, CancellationToken cancellationToken)
    {
        if (response.RetryAfter is { } retryAfter)
        {
            return new SendOutcome.Throttled(retryAfter);
        }

        if (response.Error is null)
        {
            return new SendOutcome.Sent(Str(response.Root, "ts"));
        }

        if (GoneErrors.Contains(response.Error))
        {
            // A channel id names no person: only a user is marked.
            if (recipient is not null && IsUserId(recipient))
            {
                logger.LogWarning("Slack {Error} for {Tenant}/{User}: marked unreachable", response.Error, tenantId, recipient);
                await unreachable.MarkAsync(new UnreachableRecipient(SlackInbound.Platform, tenantId, recipient, response.Error), cancellationToken);
            }

            return new SendOutcome.Unreachable(response.Error);
        }

        return new SendOutcome.Failed(response.Error);
    }

    private async Task<JsonElement> QueryAsync(string tenantId, string method, JsonObject body, CancellationToken cancellationToken)
    {
        var response = await CallForTenantAsync(tenantId, method, body, cancellationToken);
        return Expect(method, response);
    }

    private static JsonElement Expect(string method, ApiResponse response) =>
        response.RetryAfter is not null ? throw new SlackApiException(method, "ratelimited")
        : response.Error is not null ? throw new SlackApiException(method, response.Error)
        : response.Root;

    /// <param name="channel">The channel a message goes to, whose own pace it keeps.</param>
    private async Task<ApiResponse> CallForTenantAsync(string tenantId, string method, JsonObject body, CancellationToken cancellationToken,
        string? channel = null)
    {
        var install = await installs.FindAsync(tenantId, cancellationToken);
        if (install is null)
        {
            logger.LogWarning("Slack {Method} skipped: workspace {Tenant} is not installed", method, tenantId);
            return ApiResponse.Failure("not_installed");
        }

        var response = await CallAsync(method, JsonContent.Create(body), new AuthenticationHeaderValue("Bearer", install.BotToken),
            new SlackPace(tenantId, method, channel), cancellationToken);
        if (response.Error is { } error && RevokedErrors.Contains(error))
        {
            logger.LogWarning("Slack {Method} for workspace {Tenant} answered {Error}: forgetting its tokens", method, tenantId, error);
            await installs.RemoveAsync(tenantId, cancellationToken);
        }

        return response;
    }

    private async Task<ApiResponse> CallAsync(string method, HttpContent content, AuthenticationHeaderValue authorization, SlackPace? pace,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content };
        request.Headers.Authorization = authorization;
        if (pace is { } budget)
        {
            request.Options.Set(PacedAttempts<SlackPace>.Key, budget);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return await ReadAsync(method, response, cancellationToken);
        }
        catch (PacingRefusedException)
        {
            return new ApiResponse(default, "ratelimited", TimeSpan.FromSeconds(1));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            logger.LogWarning(ex, "Slack {Method} could not be reached after its retries", method);
            return ApiResponse.Failure("connection_failed");
        }
    }

    private async Task<ApiResponse> ReadAsync(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            logger.LogWarning("Slack {Method} still rate limited after its retries", method);
            return new ApiResponse(default, "ratelimited", RetryAfter.Of(response, time) ?? TimeSpan.FromSeconds(1));
        }

        if (!response.IsSuccessStatusCode)
        {
            return ApiResponse.Failure($"http_{(int)response.StatusCode}");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = document.RootElement.Clone();
            var ok = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
            return ok ? new ApiResponse(root, null, null) : new ApiResponse(root, Str(root, "error") ?? "unknown_error", null);
        }
        catch (JsonException)
        {
            return ApiResponse.Failure("invalid_response");
        }
    }

    /// <summary>Failures that may go away by themselves: the connection (after the client's own retries), Slack's 5xx,
    /// an answer that was not JSON, and the errors Slack documents as its own passing trouble.</summary>
    public static bool IsPassing(SendOutcome.Failed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return failed.Code is "connection_failed" or "invalid_response" or "internal_error" or "fatal_error" or "service_unavailable"
            or "request_timeout" or "ratelimited"
            || (failed.Code.StartsWith("http_5", StringComparison.Ordinal) && failed.Code.Length == "http_500".Length);
    }

    /// <summary>Slack user ids start with U (or W in Enterprise Grid).</summary>
    private static bool IsUserId(string id) => id.Length > 1 && id[0] is 'U' or 'W';

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static void AddIfPresent(JsonObject body, string name, JsonArray? value)
    {
        // An empty blocks array is refused by Slack (invalid_blocks): plain text messages send none.
        if (value is { Count: > 0 })
        {
            body[name] = value;
        }
    }

    private static void AddIfPresent(JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            body[name] = value;
        }
    }

    private readonly record struct ApiResponse(JsonElement Root, string? Error, TimeSpan? RetryAfter)
    {
        public static ApiResponse Failure(string error) => new(default, error, null);
    }
}
