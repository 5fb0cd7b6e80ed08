using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RolePlay.Core.Telemetry;

namespace RolePlay.Bot.Hosting;

/// <summary>OpenTelemetry traces, metrics and logs: RolePlay's own (<see cref="RolePlayTelemetry"/>: a span per event and per
/// role-play turn, turns, detector and routine durations, proactive sends, 429 waits), ASP.NET Core's (request
/// durations by route, so Slack's ack and Teams' answer latency) and HttpClient's (calls to the platforms). Exported
/// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other standard variables:
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c>, ...), to Azure Monitor (Application Insights)
/// when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is instead (one or the other: the Azure Monitor exporter brings its
/// own sampler, 5 traces a second by default, which would thin out what OTLP sends too); with neither nothing is collected.
/// Paths and URLs are cut to their route and host, since theirs can hold a person's or a conversation's id. Logs are
/// exported as templates with their values hashed and their request's platform, tenant and event id alongside
/// (<see cref="LogRedaction"/>); the console keeps them in clear, for the platform's own log store (Container Apps
/// sends it to Log Analytics).</summary>
public static class TelemetryHosting
{
    public const string ServiceName = "roleplay";

    /// <summary>Application Insights' connection string, under the name its SDKs and Azure's portal use.</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static void Add(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azureMonitor = !otlp && builder.Configuration[AzureMonitorSetting] is { Length: > 0 } connectionString ? connectionString : null;
        if (!otlp && azureMonitor is null)
        {
            return; // no one to send to: no spans are even created
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(RolePlayTelemetry.Name)
                .AddAspNetCoreInstrumentation(aspNet => aspNet.EnrichWithHttpRequest = (span, _) => span.SetTag("url.path", null))
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (span, request) =>
                    span.SetTag("url.full", request.RequestUri is { } uri ? $"{uri.Scheme}://{uri.Authority}/" : null)))
            .WithMetrics(metrics => metrics
                .AddMeter(RolePlayTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(logging => logging.AddProcessor(new LogRedaction()), options =>
            {
                options.IncludeScopes = false;
                options.IncludeFormattedMessage = false;
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (azureMonitor is not null)
        {
            telemetry.UseAzureMonitorExporter(options => options.ConnectionString = azureMonitor);
        }
    }
}
