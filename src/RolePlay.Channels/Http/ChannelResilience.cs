using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using RolePlay.Core.Telemetry;

namespace RolePlay.Channels.Http;

/// <summary>The one retry set-up both platform clients use, built on Microsoft.Extensions.Http.Resilience: retry
/// (outermost), then the optional pacer, then a timeout per attempt. The pacer sits inside the retry so that every
/// attempt spends a slot, and outside the attempt timeout so that waiting for a slot is never taken for a slow
/// platform.</summary>
public static class ChannelResilience
{
    /// <param name="policy">The platform's retry settings, read when the handler is built.</param>
    /// <param name="alsoTransient">A status the platform documents as passing beyond the common ones (Teams: 412).</param>
    /// <param name="pacing">The pacer every attempt passes, when the platform has one.</param>
    public static IHttpClientBuilder AddChannelResilience(this IHttpClientBuilder client, Func<IServiceProvider, RetryPolicy> policy,
        Func<HttpStatusCode, bool>? alsoTransient = null, Func<IServiceProvider, DelegatingHandler>? pacing = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(policy);
        client.ConfigureHttpClient((services, http) => http.Timeout = policy(services).CallBudget);
        client.AddResilienceHandler("retry", (pipeline, context) =>
        {
            var settings = policy(context.ServiceProvider);
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.TimeProvider = time;
            if (settings.MaxAttempts > 1)
            {
                pipeline.AddRetry(Retry(client.Name, settings, time, alsoTransient ?? (_ => false)));
            }
        });
        if (pacing is not null)
        {
            client.AddHttpMessageHandler(pacing);
        }

        client.AddResilienceHandler("attempt-timeout", (pipeline, context) =>
        {
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.AddTimeout(policy(context.ServiceProvider).AttemptTimeout);
        });
        return client;
    }

    /// <summary>Whether a status is worth another attempt on any platform: the request timed out, was throttled, or
    /// met a server fault.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static RetryStrategyOptions<HttpResponseMessage> Retry(string clientName, RetryPolicy settings, TimeProvider time,
        Func<HttpStatusCode, bool> alsoTransient) => new()
    {
        MaxRetryAttempts = settings.MaxAttempts - 1,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = settings.BaseDelay,
        ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { } response } => (IsTransient(response.StatusCode) || alsoTransient(response.StatusCode))
                && !(RetryAfter.Of(response, time) > settings.MaxRetryWait),
            _ => false,
        }),
        // Retry-After when the platform names a wait; otherwise the exponential backoff (null keeps it).
        DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.Of(response, time) : null),
        OnRetry = args =>
        {
            if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var client = new KeyValuePair<string, object?>("roleplay.client", clientName);
                RolePlayTelemetry.Throttled.Add(1, client);
                RolePlayTelemetry.RetryAfterWait.Record(args.RetryDelay.TotalSeconds, client);
            }

            return ValueTask.CompletedTask;
        },
    };
}
