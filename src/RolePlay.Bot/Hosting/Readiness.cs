using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using RolePlay.Core.Content;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Hosting;

/// <summary>The platform's probes. <c>/healthz/live</c>: the process answers (restart it if not).
/// <c>/healthz/ready</c>: it can serve — content loaded, the store answering, the routine scheduler running — so a
/// platform sends no traffic to an instance whose store is down, and sends it again once the store is back, without a
/// restart. Both are anonymous: the probe signs in as no one.</summary>
public static class Readiness
{
    private const string Ready = "ready";

    /// <summary>How long the store may take to answer a probe (its own retries included).</summary>
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public static void Add(IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ContentCheck>("content", tags: [Ready])
            .AddCheck<StoreCheck>("store", tags: [Ready], timeout: StoreTimeout)
            .AddCheck<SchedulerCheck>("scheduler", tags: [Ready]);
    }

    public static void Map(WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get])).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get])).AllowAnonymous();
    }

    /// <summary>{"status":"Unhealthy","checks":{"store":{"status":"Unhealthy","description":"…"}}}: what failed, in words
    /// (store names never hold a secret).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }

    private sealed class ContentCheck(ContentCatalog content) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(content.Scenarios.Count > 0
                ? HealthCheckResult.Healthy($"{content.Personas.Count} personas, {content.Scenarios.Count} scenarios")
                : HealthCheckResult.Unhealthy("no scenario is loaded"));
    }

    private sealed class StoreCheck(IStoreProbe store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await store.ProbeAsync(cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy(store.StoreName);
            }
            catch (StorageUnavailableException e)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        }
    }

    /// <summary>Routines need Quartz running; with <c>Routines:Enabled=false</c> there is nothing to run.</summary>
    private sealed class SchedulerCheck(IServiceProvider services) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (services.GetService<ISchedulerFactory>() is not { } factory)
            {
                return HealthCheckResult.Healthy("routines are off");
            }

            var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
            var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false);
            return status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy("running")
                : HealthCheckResult.Unhealthy($"the routine scheduler is {status}");
        }
    }
}
