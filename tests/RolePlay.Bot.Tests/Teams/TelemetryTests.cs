using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RolePlay.Bot.Hosting;
using RolePlay.Core.Telemetry;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>A role-play turn through the real host is seen in telemetry: its spans and instruments, in memory; the
/// host's own exporter delivering over OTLP to a receiver on loopback; and in neither the words typed, the person's
/// name or the raw tenant id. Alone in its collection, so no other test's turns are counted.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : TeamsHostTest
{
    private const string Words = "I am so sorry the birthday present is late, that must feel awful right before the party.";
    private readonly int _receiverPort = ServeTests.FreePort();
    private readonly ConcurrentQueue<(string Path, string ContentType, byte[] Body)> _received = new();
    private WebApplication? _receiver;

    protected override string[] Settings =>
    [
        $"--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{_receiverPort}",
        "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
        "--Logging:LogLevel:RolePlay.Teams=Information", // so a dropped retry is logged
        // Set too, and left aside: OTLP wins.
        $"--{TelemetryHosting.AzureMonitorSetting}=InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:{_receiverPort}/",
    ];

    protected override async Task StartedAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_receiverPort}");
        _receiver = builder.Build();
        _receiver.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _received.Enqueue((context.Request.Path.Value!, context.Request.ContentType ?? "", body.ToArray()));
            return Results.Ok();
        });
        await _receiver.StartAsync();
    }

    [Fact]
    public async Task A_turn_has_its_spans_and_measurements_and_none_carries_what_was_typed()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(RolePlayTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(RolePlayTelemetry.Name).AddInMemoryExporter(metrics).Build();

        await PlayOneTurnAsync();
        tracing.ForceFlush();
        metering.ForceFlush();

        var turn = Assert.Single(spans, s => s.OperationName == "roleplay.turn");
        Assert.Equal("late-delivery-birthday", turn.GetTagItem("roleplay.scenario"));
        Assert.Equal(1, turn.GetTagItem("roleplay.turn.number"));
        var events = spans.Where(s => s.OperationName == "roleplay.event").ToList();
        Assert.Equal(2, events.Count); // the start and the turn
        Assert.All(events, e => Assert.Equal(RolePlayTelemetry.Hash(TeamsHost.TenantId), e.GetTagItem("roleplay.tenant")));
        Assert.Equal(1, Sum(metrics, "roleplay.turns"));
        Assert.Equal(1, Count(metrics, "roleplay.turn.duration"));
        Assert.True(Count(metrics, "roleplay.detector.duration") >= 1, "the detector read the turn");
        var values = spans.SelectMany(s => s.TagObjects).Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        Assert.DoesNotContain(values, v => v.Contains("birthday present", StringComparison.Ordinal) || v.Contains("Megan", StringComparison.Ordinal)
            || v.Contains(TeamsHost.TenantId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_host_exports_over_OTLP_without_what_was_typed()
    {
        await PlayOneTurnAsync();
        Assert.True(Bot.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "the traces were flushed");
        Assert.True(Bot.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "the metrics were flushed");

        var traces = _received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, t => Assert.Equal("application/x-protobuf", t.ContentType));
        var exported = string.Concat(_received.Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Contains("roleplay.turn", exported, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", exported, StringComparison.Ordinal);
        Assert.Contains(TelemetryHosting.ServiceName, exported, StringComparison.Ordinal);
        Assert.DoesNotContain("birthday present", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsHost.TenantId, exported, StringComparison.Ordinal);
        Assert.DoesNotContain("a:1:1-", exported, StringComparison.Ordinal); // conversation ids in connector URLs are cut
        Assert.DoesNotContain(_received, r => r.Path.StartsWith("/v2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_host_exports_its_logs_as_templates_with_their_request_and_values_hashed()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        var message = person.Message(Words);
        await OkAsync(message);
        await OkAsync(message); // Teams' retry: dropped, and logged at Information inside the request's scope
        Assert.True(Bot.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000), "the logs were flushed");

        var logs = _received.Where(r => r.Path == "/v1/logs").ToList();
        Assert.NotEmpty(logs);
        var exported = string.Concat(logs.Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Contains("{Channel} request stopped at {Step}: {Reason}", exported, StringComparison.Ordinal);
        Assert.Contains("roleplay.tenant", exported, StringComparison.Ordinal);
        Assert.Contains(RolePlayTelemetry.Hash(TeamsHost.TenantId), exported, StringComparison.Ordinal);
        Assert.Contains(RolePlayTelemetry.Hash(message["id"]!.GetValue<string>()), exported, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsHost.TenantId, exported, StringComparison.Ordinal);
        Assert.DoesNotContain(message["id"]!.GetValue<string>(), exported, StringComparison.Ordinal);
        Assert.DoesNotContain("already", exported, StringComparison.Ordinal); // the reason's words: it is a value, hashed
        Assert.DoesNotContain("birthday present", exported, StringComparison.Ordinal);
    }

    private async Task PlayOneTurnAsync()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await OkAsync(person.Message("start late-delivery-birthday"));
        await OkAsync(person.Message(Words));
    }

    /// <summary>The counter's total in the last export (cumulative, so it holds everything counted).</summary>
    private static long Sum(IEnumerable<Metric> metrics, string name)
    {
        long total = 0;
        foreach (ref readonly var point in metrics.Last(m => m.Name == name).GetMetricPoints())
        {
            total += point.GetSumLong();
        }

        return total;
    }

    private static long Count(IEnumerable<Metric> metrics, string name)
    {
        long total = 0;
        foreach (ref readonly var point in metrics.Last(m => m.Name == name).GetMetricPoints())
        {
            total += point.GetHistogramCount();
        }

        return total;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (alone)";
}
