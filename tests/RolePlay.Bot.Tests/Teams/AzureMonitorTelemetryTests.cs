using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RolePlay.Bot.Hosting;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>With only Application Insights' connection string set, a role-play turn reaches Azure Monitor's ingestion
/// (played on loopback: <c>POST {IngestionEndpoint}/v2.1/track</c>, gzip'd JSON lines), without the words typed, the
/// person's name or the raw tenant id.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class AzureMonitorTelemetryTests : TeamsHostTest
{
    private const string InstrumentationKey = "00000000-0000-0000-0000-000000000001";
    private Uri _ingestionUri = null!;
    private readonly ConcurrentQueue<string> _tracked = new();
    private WebApplication? _ingestion;

    static AzureMonitorTelemetryTests()
    {
        // The exporter's own usage reports (statsbeat) go to Microsoft, not to the connection string's endpoint.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
    }

    protected override string[] Settings =>
        [$"--{TelemetryHosting.AzureMonitorSetting}=InstrumentationKey={InstrumentationKey};IngestionEndpoint={_ingestionUri}"];

    /// <summary>Ingestion listens on a port of its own choosing before the bot is told it: a port picked free and bound
    /// later can be taken meanwhile.</summary>
    protected override async Task BeforeStartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _ingestion = builder.Build();
        _ingestion.MapPost("/v2.1/track", async (HttpContext context) =>
        {
            await using var content = context.Request.Headers.ContentEncoding == "gzip"
                ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
                : context.Request.Body;
            using var reader = new StreamReader(content, Encoding.UTF8);
            var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                _tracked.Enqueue(line);
            }

            return Results.Json(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() });
        });
        await _ingestion.StartAsync();
        _ingestionUri = new Uri(_ingestion.Urls.First().TrimEnd('/') + "/");
    }

    [Fact]
    public async Task The_host_exports_to_Azure_Monitor_without_what_was_typed()
    {
        var person = new TeamsActivities(Connector.ServiceUrl, "29:" + Guid.NewGuid().ToString("N"));
        await OkAsync(person.Message("start late-delivery-birthday"));
        await OkAsync(person.Message("I am so sorry the birthday present is late, that must feel awful right before the party."));
        Assert.True(Bot.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "the traces were flushed");
        Assert.True(Bot.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "the metrics were flushed");

        Assert.NotEmpty(_tracked);
        var exported = string.Concat(_tracked);
        Assert.All(_tracked, line => Assert.Contains(InstrumentationKey, line, StringComparison.Ordinal));
        Assert.Contains("roleplay.turn", exported, StringComparison.Ordinal);
        Assert.Contains("roleplay.turns", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("birthday present", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsHost.TenantId, exported, StringComparison.Ordinal);
        Assert.DoesNotContain("a:1:1-", exported, StringComparison.Ordinal);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ingestion is not null)
        {
            await _ingestion.DisposeAsync();
        }
    }
}
