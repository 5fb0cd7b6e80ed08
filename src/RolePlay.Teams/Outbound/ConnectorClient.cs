using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Teams.Inbound;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Outbound;

/// <summary>The Bot Framework Connector API v3, by hand: send, reply, update, delete, create conversation, paged
/// members. Every call is paced by <see cref="ConnectorRateLimiter"/>, retried on 429/412/502/504 with backoff that
/// honours Retry-After, and ends in a <see cref="SendOutcome"/> rather than an exception. A 1:1 chat refused with 403
/// MessageWritesBlocked is reported to <see cref="IUnreachableRecipients"/>.</summary>
public sealed partial class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IBotTokenProvider tokens,
    ConnectorRateLimiter rateLimiter,
    IUnreachableRecipients unreachable,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "TeamsConnector";

    private readonly TeamsOptions _options = options.Value;

    /// <summary>Posts a new activity to the conversation (split when over the size budget).</summary>
    public Task<SendOutcome> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        SendSplitAsync(reference, null, activity, cancellationToken);

    /// <summary>Posts an activity as a reply to <paramref name="replyToId"/>.</summary>
    public Task<SendOutcome> ReplyAsync(ConversationReference reference, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendSplitAsync(reference, replyToId, activity, cancellationToken);

    /// <summary>Replaces a sent activity (a card after its action ran).</summary>
    public async Task<SendOutcome> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        Address(reference, activity);
        activity.Id = activityId;
        if (ActivitySplitter.SizeOf(activity) > ActivitySplitter.MaxActivityBytes)
        {
            LogTooLarge(logger, reference.Conversation?.Id);
            return new Failed("MessageSizeTooBig", "The updated activity exceeds the 28 KB budget.", 413);
        }

        var result = await CallAsync(reference, HttpMethod.Put, ActivityPath(reference, activityId),
            () => JsonContent.Create(activity, TeamsJsonContext.Default.Activity), TeamsJsonContext.Default.ResourceResponse, cancellationToken)
            .ConfigureAwait(false);
        return result.Outcome;
    }

    public async Task<SendOutcome> DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken)
    {
        var result = await CallAsync(reference, HttpMethod.Delete, ActivityPath(reference, activityId), null,
            TeamsJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false);
        return result.Outcome;
    }

    /// <summary>Creates (or finds) a conversation; <see cref="Sent.Id"/> is the conversation id.</summary>
    public async Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var tenant = parameters.TenantId ?? "";
        // A 1:1 creation names its one member, so a MessageWritesBlocked refusal can say who is unreachable.
        var oneToOne = parameters.IsGroup != true && parameters.Members is [_];
        var target = new ConversationReference
        {
            ServiceUrl = serviceUrl,
            User = oneToOne ? parameters.Members![0] : null,
            Conversation = new ConversationAccount
            {
                Id = "create:" + string.Join(',', parameters.Members?.Select(m => m.Id) ?? []),
                TenantId = tenant,
                ConversationType = oneToOne ? "personal" : null,
            },
        };
        var result = await CallAsync(target, HttpMethod.Post, "v3/conversations",
            () => JsonContent.Create(parameters, TeamsJsonContext.Default.ConversationParameters),
            TeamsJsonContext.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false);
        return result.Outcome is Sent
            ? result with { Outcome = new Sent(result.Value?.Id) }
            : result;
    }

    /// <summary>A proactive 1:1 chat with a person of a tenant (the app must be installed for them).</summary>
    public Task<ConnectorResult<ConversationResourceResponse>> CreatePersonalConversationAsync(
        string serviceUrl, string tenantId, string userId, CancellationToken cancellationToken)
    {
        using var channelData = JsonDocument.Parse(new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } }.ToJsonString());
        return CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:" + _options.MicrosoftAppId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = channelData.RootElement.Clone(),
        }, cancellationToken);
    }

    /// <summary>One page of members (<paramref name="pageSize"/> 50..500); pass the returned token for the next.</summary>
    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(
        ConversationReference reference, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 50);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 500);
        var path = $"v3/conversations/{Uri.EscapeDataString(ConversationId(reference))}/pagedmembers?pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}";
        if (!string.IsNullOrEmpty(continuationToken))
        {
            path += "&continuationToken=" + Uri.EscapeDataString(continuationToken);
        }

        return CallAsync(reference, HttpMethod.Get, path, null, TeamsJsonContext.Default.PagedMembersResult, cancellationToken);
    }

    private async Task<SendOutcome> SendSplitAsync(ConversationReference reference, string? replyToId, Activity activity, CancellationToken cancellationToken)
    {
        Address(reference, activity);
        activity.ReplyToId ??= replyToId;
        var parts = ActivitySplitter.Split(activity);
        if (parts is null)
        {
            LogTooLarge(logger, reference.Conversation?.Id);
            return new Failed("MessageSizeTooBig", "An attachment alone exceeds the 28 KB budget; it was not sent.", 413);
        }

        var path = replyToId is null
            ? $"v3/conversations/{Uri.EscapeDataString(ConversationId(reference))}/activities"
            : ActivityPath(reference, replyToId);
        SendOutcome outcome = new Failed("empty", "Nothing to send.");
        foreach (var part in parts)
        {
            var result = await CallAsync(reference, HttpMethod.Post, path,
                () => JsonContent.Create(part, TeamsJsonContext.Default.Activity), TeamsJsonContext.Default.ResourceResponse, cancellationToken)
                .ConfigureAwait(false);
            outcome = result.Outcome is Sent ? new Sent(result.Value?.Id) : result.Outcome;
            if (outcome is not Sent)
            {
                break;
            }
        }

        return outcome;
    }

    private async Task<ConnectorResult<T>> CallAsync<T>(ConversationReference reference, HttpMethod method, string path,
        Func<HttpContent>? content, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) where T : class
    {
        if (!TryTrust(reference.ServiceUrl, out var baseUri, out var refusal))
        {
            LogUntrusted(logger, reference.ServiceUrl);
            return new ConnectorResult<T>(new Failed("untrustedServiceUrl", refusal), null);
        }

        var key = new OutboundKey(reference.Conversation?.TenantId ?? "", reference.Conversation?.Id ?? "");
        var client = httpClientFactory.CreateClient(HttpClientName);
        var uri = new Uri(baseUri, path);
        var refreshedToken = false;
        for (var attempt = 1; ; attempt++)
        {
            string? token;
            try
            {
                token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (BotTokenException e)
            {
                return new ConnectorResult<T>(new Failed("token", e.Message), null);
            }

            // Every attempt, retries included, spends the conversation's and tenant's budget.
            if (!await rateLimiter.WaitTurnAsync(key, cancellationToken).ConfigureAwait(false))
            {
                return new ConnectorResult<T>(new Throttled(TimeSpan.FromSeconds(1)), null);
            }

            using var request = new HttpRequestMessage(method, uri) { Content = content?.Invoke() };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt >= _options.MaxSendAttempts)
                {
                    return new ConnectorResult<T>(new Failed("transport", e.Message), null);
                }

                await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return new ConnectorResult<T>(new Sent(null), await ReadBodyAsync(response, responseType, cancellationToken).ConfigureAwait(false));
                }

                var error = await ReadBodyAsync(response, TeamsJsonContext.Default.ErrorResponse, cancellationToken).ConfigureAwait(false);
                var code = error?.Error?.Code ?? response.StatusCode.ToString();
                var message = error?.Error?.Message ?? "";
                if (status == 403 && string.Equals(code, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase))
                {
                    var outcome = new Unreachable(message.Length > 0 ? message : code);
                    await ReportUnreachableAsync(reference, outcome, cancellationToken).ConfigureAwait(false);
                    return new ConnectorResult<T>(outcome, null);
                }

                if (status == 401 && !refreshedToken && token is not null && attempt < _options.MaxSendAttempts)
                {
                    // The token may have been revoked or rotated early: fetch a fresh one once.
                    refreshedToken = true;
                    tokens.Invalidate();
                    continue;
                }

                if (!IsTransient(response.StatusCode))
                {
                    return new ConnectorResult<T>(new Failed(code, message, status), null);
                }

                var retryAfter = RetryAfter(response);
                if (attempt >= _options.MaxSendAttempts || retryAfter > _options.MaxRetryWait)
                {
                    LogGaveUp(logger, status, attempt);
                    return new ConnectorResult<T>(
                        response.StatusCode == HttpStatusCode.TooManyRequests
                            ? new Throttled(retryAfter ?? Backoff(attempt))
                            : new Failed(code, message, status),
                        null);
                }

                await Task.Delay(retryAfter ?? Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ReportUnreachableAsync(ConversationReference reference, Unreachable outcome, CancellationToken cancellationToken)
    {
        // Only a 1:1 chat names the person who blocked the bot; a reference that does not say so marks no one.
        if (reference.Conversation?.ConversationType == "personal" && reference.User?.Id is { Length: > 0 } userId && reference.Conversation?.TenantId is { Length: > 0 } tenantId)
        {
            LogUnreachable(logger, userId);
            await unreachable.MarkAsync(new UnreachableRecipient(ActivityTranslator.Platform, tenantId, userId, outcome.Reason), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>Exponential backoff with full jitter in the upper half, so retrying senders spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        return ceiling / 2 + ceiling / 2 * Random.Shared.NextDouble();
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static async Task<T?> ReadBodyAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A bearer token goes only to allow-listed hosts over HTTPS (loopback may use HTTP); in local mode,
    /// where no token is sent, only loopback is reachable.</summary>
    private bool TryTrust(string? serviceUrl, out Uri baseUri, out string refusal)
    {
        baseUri = null!;
        refusal = "";
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            refusal = $"serviceUrl '{serviceUrl}' is not an absolute http(s) URL.";
            return false;
        }

        var trusted = _options.IsLocalMode
            ? uri.IsLoopback
            : _options.TrustedServiceUrlHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback);
        if (!trusted)
        {
            refusal = _options.IsLocalMode
                ? $"Local mode sends only to loopback; '{uri.Host}' refused."
                : $"Host '{uri.Host}' is not in Teams:AllowedServiceUrlHosts (or not HTTPS); no token is sent there.";
            return false;
        }

        baseUri = new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/");
        return true;
    }

    private static void Address(ConversationReference reference, Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= reference.Bot;
        activity.Recipient ??= reference.User;
        activity.Conversation ??= reference.Conversation;
        activity.ChannelId ??= reference.ChannelId;
    }

    private static string ConversationId(ConversationReference reference) =>
        reference.Conversation?.Id ?? throw new ArgumentException("The conversation reference has no conversation id.", nameof(reference));

    private static string ActivityPath(ConversationReference reference, string activityId) =>
        $"v3/conversations/{Uri.EscapeDataString(ConversationId(reference))}/activities/{Uri.EscapeDataString(activityId)}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams user {UserId} blocked or uninstalled the bot (MessageWritesBlocked); marked unreachable")]
    private static partial void LogUnreachable(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused to call untrusted serviceUrl {ServiceUrl}")]
    private static partial void LogUntrusted(ILogger logger, string? serviceUrl);

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity for conversation {ConversationId} exceeds the 28 KB budget and cannot be split; not sent")]
    private static partial void LogTooLarge(ILogger logger, string? conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector answered {Status} after {Attempts} attempts; giving up")]
    private static partial void LogGaveUp(ILogger logger, int status, int attempts);
}
