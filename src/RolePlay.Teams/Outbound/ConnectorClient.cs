using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using RolePlay.Channels.Http;
using RolePlay.Teams.Inbound;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Outbound;

/// <summary>The Bot Framework Connector API v3, by hand: send, reply, update and create a personal conversation. Every
/// attempt is paced by <see cref="ConnectorRateLimiter"/> and passing failures are retried with backoff that honours
/// Retry-After (both in the HTTP client's pipeline, see <see cref="ChannelResilience"/>); a 401 fetches a fresh token
/// once. Every call ends in a <see cref="SendOutcome"/> rather than an exception. A 1:1 chat refused with 403
/// MessageWritesBlocked is reported to <see cref="IUnreachableRecipients"/>.</summary>
public sealed partial class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IBotTokenProvider tokens,
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

    /// <summary>Creates (or finds) a conversation; <see cref="Sent.Id"/> is the conversation id.</summary>
    private async Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(
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

        var uri = new Uri(baseUri, path);
        var pace = new OutboundKey(reference.Conversation?.TenantId ?? "", reference.Conversation?.Id ?? "");
        try
        {
            var (response, token) = await SendAsync(method, uri, content, pace, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
            {
                // The token may have been revoked or rotated early: fetch a fresh one once.
                response.Dispose();
                tokens.Invalidate();
                (response, _) = await SendAsync(method, uri, content, pace, cancellationToken).ConfigureAwait(false);
            }

            using (response)
            {
                return await ResultAsync(reference, response, responseType, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (BotTokenException e)
        {
            return new ConnectorResult<T>(new Failed("token", e.Message), null);
        }
        catch (PacingRefusedException)
        {
            return new ConnectorResult<T>(new Throttled(TimeSpan.FromSeconds(1)), null);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            LogTransportGaveUp(logger, e.Message);
            return new ConnectorResult<T>(new Failed("transport", e.Message), null);
        }
    }

    /// <summary>One call through the connector client's pipeline, which retries, paces every attempt and times each
    /// out (<see cref="ChannelResilience"/>).</summary>
    private async Task<(HttpResponseMessage Response, string? Token)> SendAsync(HttpMethod method, Uri uri, Func<HttpContent>? content,
        OutboundKey pace, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, uri) { Content = content?.Invoke() };
        request.Options.Set(PacedAttempts<OutboundKey>.Key, pace);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (response, token);
    }

    private async Task<ConnectorResult<T>> ResultAsync<T>(ConversationReference reference, HttpResponseMessage response,
        JsonTypeInfo<T> responseType, CancellationToken cancellationToken) where T : class
    {
        if (response.IsSuccessStatusCode)
        {
            return new ConnectorResult<T>(new Sent(null), await ReadBodyAsync(response, responseType, cancellationToken).ConfigureAwait(false));
        }

        var status = (int)response.StatusCode;
        var error = await ReadBodyAsync(response, TeamsJsonContext.Default.ErrorResponse, cancellationToken).ConfigureAwait(false);
        var code = error?.Error?.Code ?? response.StatusCode.ToString();
        var message = error?.Error?.Message ?? "";
        if (status == 403 && string.Equals(code, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase))
        {
            var outcome = new Unreachable(message.Length > 0 ? message : code);
            await ReportUnreachableAsync(reference, outcome, cancellationToken).ConfigureAwait(false);
            return new ConnectorResult<T>(outcome, null);
        }

        if (ChannelResilience.IsTransient(response.StatusCode) || IsTransientConflict(response.StatusCode))
        {
            LogGaveUp(logger, status);
        }

        return new ConnectorResult<T>(
            response.StatusCode == HttpStatusCode.TooManyRequests
                ? new Throttled(RetryAfter.Of(response, time) ?? _options.Retry.BaseDelay)
                : new Failed(code, message, status),
            null);
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

    /// <summary>Whether a failure left after the quick retries may still go away by itself: the connection or the
    /// token endpoint failed, or the connector answered 408, 412 or a 5xx. A refusal for what was sent does not.</summary>
    public static bool IsPassing(Failed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return failed.Code is "transport" or "token"
            || failed.StatusCode is { } status && (ChannelResilience.IsTransient((HttpStatusCode)status) || IsTransientConflict((HttpStatusCode)status));
    }

    /// <summary>412, which the Bot Framework documents as a passing conflict: retried beside the common failures.</summary>
    internal static bool IsTransientConflict(HttpStatusCode status) => status == HttpStatusCode.PreconditionFailed;

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector still answered {Status} after its retries; giving up")]
    private static partial void LogGaveUp(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector could not be reached after its retries: {Reason}")]
    private static partial void LogTransportGaveUp(ILogger logger, string reason);
}
