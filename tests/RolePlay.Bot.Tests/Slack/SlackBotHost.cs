using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RolePlay.Bot.Hosting;
using RolePlay.Channels;
using RolePlay.Core.Storage;
using RolePlay.Slack;
using RolePlay.Slack.Inbound;
using RolePlay.Testing.Logging;
using RolePlay.Testing.Slack;

namespace RolePlay.Bot.Tests.Slack;

public sealed record HostResponse(int Status, string Body)
{
    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;
}

/// <summary>The real bot host (<see cref="BotHost.Build"/>) on 127.0.0.1:0 with SQLite in a file, serving Slack against
/// a <see cref="FakeSlackApi"/>. Every request is signed as Slack signs it. Two hosts built on the same database and
/// keys directory are two instances of one deployment.</summary>
internal sealed class SlackBotHost : IAsyncDisposable
{
    public const string SigningSecret = "e2e-signing-secret-0123456789abcdef";
    public const string BotToken = "xoxb-1-e2e-single-workspace";
    public const string Workspace = "T0E2E";

    private static readonly SlackSigner Signer = new(SigningSecret);
    private readonly WebApplication _app;

    private SlackBotHost(WebApplication app, FakeSlackApi api, HttpClient client, string databasePath, CapturingLoggerProvider logs)
    {
        _app = app;
        Api = api;
        Client = client;
        DatabasePath = databasePath;
        Logs = logs;
    }

    public FakeSlackApi Api { get; }

    /// <summary>What the host logged at Warning and above (the host's own filter).</summary>
    public CapturingLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _app.Services;

    public IPeopleStore People => Services.GetRequiredService<IPeopleStore>();

    public ILearningStore Learning => Services.GetRequiredService<ILearningStore>();

    /// <summary>Single-workspace mode: <see cref="BotToken"/> belongs to <see cref="Workspace"/>.</summary>
    public static Task<SlackBotHost> StartSingleWorkspaceAsync(FakeSlackApi api, string directory, params string[] settings) =>
        StartSingleWorkspaceAsync(api, directory, null, settings);

    /// <param name="clock">The host's clock (routines, schedules); the signer keeps real time, so a fake clock starts
    /// at the real now and moves forward only after the last signed request.</param>
    public static Task<SlackBotHost> StartSingleWorkspaceAsync(FakeSlackApi api, string directory, TimeProvider? clock, params string[] settings)
    {
        api.Tokens[BotToken] = Workspace;
        return StartAsync(api, directory, clock, [$"--Slack:BotToken={BotToken}", .. settings]);
    }

    /// <summary>OAuth mode: any workspace may install the app.</summary>
    public static Task<SlackBotHost> StartOAuthAsync(FakeSlackApi api, string directory) =>
        StartAsync(api, directory, null, $"--Slack:ClientId={api.ClientId}", $"--Slack:ClientSecret={api.ClientSecret}",
            "--Slack:RedirectUri=https://roleplay.example/api/slack/oauth/callback");

    private static async Task<SlackBotHost> StartAsync(FakeSlackApi api, string directory, TimeProvider? clock, params string[] mode)
    {
        var database = Path.Combine(directory, "roleplay.db");
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--Storage:Sqlite:Path={database}",
            $"--DataProtection:KeysPath={Path.Combine(directory, "keys")}",
            $"--Slack:SigningSecret={SigningSecret}",
            $"--Slack:ApiBaseUrl={api.BaseUrl}",
            // Slack paces a channel at about one message a second; the fake does not, so tests need not wait.
            "--Slack:ChannelMessageInterval=00:00:00.001",
            "--Logging:LogLevel:Default=Warning",
            .. mode,
        ];
        var logs = new CapturingLoggerProvider();
        var app = BotHost.Build(args, [], services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            if (clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            }
        });
        await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlackBotHost(app, api, new HttpClient { BaseAddress = new Uri(address) }, database, logs);
    }

    public static JsonObject Event(string eventId, JsonObject evt, string team = Workspace) => new()
    {
        ["token"] = "legacy-verification-token",
        ["team_id"] = team,
        ["api_app_id"] = "A0E2E",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = evt,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = team, ["user_id"] = "UBOT" + team, ["is_bot"] = true }),
    };

    public static JsonObject DirectMessage(string user, string text, string team = Workspace) => new()
    {
        ["type"] = "message",
        ["channel_type"] = "im",
        ["channel"] = "D" + user,
        ["user"] = user,
        ["text"] = text,
        ["ts"] = Ts(),
        ["event_ts"] = Ts(),
        ["team"] = team,
    };

    public Task<HostResponse> SayAsync(string eventId, string user, string text, string team = Workspace) =>
        PostEventAsync(Event(eventId, DirectMessage(user, text, team), team));

    public Task<HostResponse> PostEventAsync(JsonObject envelope, IDictionary<string, string>? extraHeaders = null) =>
        PostSignedAsync(SlackEndpoints.EventsPath, Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json", extraHeaders);

    public Task<HostResponse> PostInteractionAsync(JsonObject payload) =>
        PostSignedAsync(SlackEndpoints.InteractionsPath, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload.ToJsonString())),
            "application/x-www-form-urlencoded");

    /// <summary>A slash command as Slack posts it, typed in the person's DM with the bot (or in <paramref name="channel"/>).</summary>
    public Task<HostResponse> CommandAsync(string user, string text, string team = Workspace, string? channel = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["token"] = "legacy-verification-token", ["team_id"] = team, ["team_domain"] = "e2e", ["channel_id"] = channel ?? "D" + user,
            ["channel_name"] = channel is null ? "directmessage" : "standup", ["user_id"] = user, ["user_name"] = "maria", ["command"] = "/practice",
            ["text"] = text, ["api_app_id"] = "A0E2E", ["response_url"] = "https://hooks.slack.com/commands/1/2/3",
            ["trigger_id"] = $"1.2.{Guid.NewGuid():N}", // Slack's trigger ids are unique per command: a repeated one is a replay
        };
        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return PostSignedAsync(SlackEndpoints.CommandsPath, Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded");
    }

    public async Task<HostResponse> PostSignedAsync(string path, byte[] body, string contentType, IDictionary<string, string>? extraHeaders = null)
    {
        using var request = SignedRequest(Signer, path, body, contentType, extraHeaders);
        using var response = await Client.SendAsync(request);
        return new HostResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A request as Slack signs it, for a bot in this process or in a child process.</summary>
    public static HttpRequestMessage SignedRequest(SlackSigner signer, string path, byte[] body, string contentType,
        IDictionary<string, string>? extraHeaders = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (key, value) in signer.Headers(body).Concat(extraHeaders ?? new Dictionary<string, string>()))
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        return request;
    }

    /// <summary>Waits until the background queue has run everything acknowledged so far.</summary>
    public async Task DrainAsync()
    {
        var queue = Services.GetRequiredService<SlackWorkQueue>();
        var outbox = Services.GetRequiredService<ConversationOutbox>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (queue.Pending + outbox.Pending > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, queue.Pending + outbox.Pending);
    }

    public static string Ts() =>
        (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000000", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
