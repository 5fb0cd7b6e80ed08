using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlay.Channels;
using RolePlay.Core.Chat;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Installs;
using RolePlay.Testing.Logging;

namespace RolePlay.Slack.Tests.Infrastructure;

public sealed record SlackResponse(int Status, string Body, TimeSpan Elapsed, System.Net.Http.Headers.HttpResponseHeaders Headers);

/// <summary>The Slack endpoints on Kestrel (127.0.0.1, port 0) with the recording router, talking to a
/// <see cref="FakeSlackApi"/>. Requests are signed like Slack signs them unless a test says otherwise.</summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    /// <summary>The public callback a deployment registers with Slack (never this loopback host's own address).</summary>
    public const string RedirectUri = "https://roleplay.example/api/slack/oauth/callback";

    private readonly WebApplication _app;

    private SlackTestHost(WebApplication app, FakeSlackApi api, HttpClient client, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        Api = api;
        Client = client;
    }

    public FakeSlackApi Api { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public RecordingRouter Router => (RecordingRouter)_app.Services.GetRequiredService<IConversationRouter>();

    public IServiceProvider Services => _app.Services;

    public ISlackInstallStore Installs => Services.GetRequiredService<ISlackInstallStore>();

    public static async Task<SlackTestHost> StartAsync(FakeSlackApi? api = null, Dictionary<string, string?>? settings = null,
        bool allowAutoRedirect = false, Action<IServiceCollection>? configure = null)
    {
        api ??= await FakeSlackApi.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ClientId"] = api.ClientId,
            ["Slack:ClientSecret"] = api.ClientSecret,
            ["Slack:RedirectUri"] = RedirectUri,
            ["Slack:ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Slack:ChannelMessageInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        if (Environment.GetEnvironmentVariable("SLACK_TEST_LOGS") == "1")
        {
            builder.Logging.AddConsole();
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<IConversationRouter, RecordingRouter>();
        configure?.Invoke(builder.Services);
        builder.Services.AddSlack(builder.Configuration);
        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = allowAutoRedirect, UseCookies = true })
        {
            BaseAddress = new Uri(address),
        };
        return new SlackTestHost(app, api, client, logs);
    }

    /// <summary>Stores an install directly (as the OAuth callback would) and teaches the fake API its token.</summary>
    public async Task InstallAsync(string tenant, string token, string botUserId = "UBOT")
    {
        Api.Tokens[token] = tenant;
        await Installs.SaveAsync(new SlackInstallation(tenant, tenant, null, botUserId, token, DateTimeOffset.UtcNow), CancellationToken.None);
    }

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string timestamp, byte[] body) =>
        new SlackSigner(SigningSecret).Sign(timestamp, body);

    public Task<SlackResponse> PostEventAsync(JsonNode envelope, IDictionary<string, string>? headers = null) =>
        PostSignedAsync(SlackEndpoints.EventsPath, Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json", headers);

    public Task<SlackResponse> PostInteractionAsync(JsonNode payload) =>
        PostSignedAsync(SlackEndpoints.InteractionsPath, FormPayload(payload.ToJsonString()), "application/x-www-form-urlencoded");

    public Task<SlackResponse> PostCommandAsync(IDictionary<string, string> fields) =>
        PostSignedAsync(SlackEndpoints.CommandsPath, FormFields(fields), "application/x-www-form-urlencoded");

    public static byte[] FormPayload(string json) => Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json));

    public static byte[] FormFields(IDictionary<string, string> fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));

    /// <summary>The headers Slack sends with <paramref name="body"/>, signed now.</summary>
    public static Dictionary<string, string> SignedHeaders(byte[] body)
    {
        var timestamp = Now();
        return new Dictionary<string, string> { ["X-Slack-Request-Timestamp"] = timestamp, ["X-Slack-Signature"] = Sign(timestamp, body) };
    }

    public Task<SlackResponse> PostSignedAsync(string path, byte[] body, string contentType, IDictionary<string, string>? headers = null)
    {
        var all = SignedHeaders(body);
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return PostRawAsync(path, body, contentType, all);
    }

    public async Task<SlackResponse> PostRawAsync(string path, byte[] body, string contentType, IDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (key, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        var watch = Stopwatch.StartNew();
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new SlackResponse((int)response.StatusCode, text, watch.Elapsed, response.Headers);
    }

    /// <summary>Stops the host the way the process would at shutdown (queued work is finished first).</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <summary>Waits until the background queue has run everything accepted so far.</summary>
    public async Task DrainAsync()
    {
        var queue = Services.GetRequiredService<SlackWorkQueue>();
        var outbox = Services.GetRequiredService<ConversationOutbox>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (queue.Pending + outbox.Pending > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Api.DisposeAsync();
    }
}
