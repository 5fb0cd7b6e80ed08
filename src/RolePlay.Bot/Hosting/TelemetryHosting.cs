using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RolePlay.Core.Telemetry;

namespace RolePlay.Bot.Hosting;

/// <summary>OpenTelemetry traces and metrics: RolePlay's own (<see cref="RolePlayTelemetry"/>: a span per event and per
/// role-play turn, turns, detector and routine durations, proactive sends, 429 waits), ASP.NET Core's (request
/// durations by route, so Slack's ack and Teams' answer latency) and HttpClient's (calls to the platforms). Exported
/// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other standard variables:
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c>, ...); without it nothing is collected. Paths
/// and URLs are cut to their route and host, since theirs can hold a person's or a conversation's id.</summary>
public static class TelemetryHosting
{
    public const string ServiceName = "roleplay";

    public static void Add(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return; // no one to send to: no spans are even created
        }

        builder.Services.AddOpenTelemetry()
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
            .UseOtlpExporter();
    }
}
