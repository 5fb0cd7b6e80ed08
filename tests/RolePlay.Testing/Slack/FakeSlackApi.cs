using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlay.Testing.Limits;

namespace RolePlay.Testing.Slack;

public sealed record ApiCall(string Method, string? Authorization, JsonObject? Json, IReadOnlyDictionary<string, string>? Form, DateTimeOffset At)
{
    public string? Str(string name) => Json?[name]?.GetValue<string>();

    /// <summary>The <c>ts</c> Slack answered with (a posted message's), set before the answer is sent.</summary>
    public string? AnsweredTs { get; set; }
}

/// <summary>Slack's Web API limits (slack-protocol.md, "Web API"): chat.postMessage about one message per second per
/// channel with short bursts (3 in a second, 60 in a minute) and a workspace-wide budget ("several hundred a minute":
/// 300, what the bot is configured for); other methods by tier per workspace per minute (Tier 3: 50, Tier 4: 100).</summary>
public sealed record SlackRateLimits(
    WindowLimits PostMessagePerChannel, WindowLimits PostMessagePerWorkspace, IReadOnlyDictionary<string, WindowLimits> MethodPerWorkspace)
{
    public static SlackRateLimits Documented()
    {
        static WindowLimits PerMinute(int permits) => new(new WindowLimit(permits, TimeSpan.FromMinutes(1)));
        return new SlackRateLimits(
            new WindowLimits(new WindowLimit(3, TimeSpan.FromSeconds(1)), new WindowLimit(60, TimeSpan.FromMinutes(1))),
            PerMinute(300),
            new Dictionary<string, WindowLimits>
            {
                ["conversations.open"] = PerMinute(50),
                ["chat.update"] = PerMinute(50),
                ["users.info"] = PerMinute(100),
                ["chat.postEphemeral"] = PerMinute(100),
                ["views.open"] = PerMinute(100),
                ["views.publish"] = PerMinute(100),
            });
    }
}

/// <summary>A local stand-in for slack.com/api that behaves like Slack where our client depends on it: ok:false bodies,
/// 429 with Retry-After, cursor pagination, triggers that expire after 3 s and work once, unknown tokens refused
/// with invalid_auth, and Socket Mode over a loopback WebSocket. It records every call.</summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Queue<Func<HttpContext, Task>>> _scripts = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _triggers = new();
    private int _ts;
    private int _throttled;

    private FakeSlackApi(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<ApiCall> Calls { get; } = new();

    /// <summary>False keeps no calls (a benchmark's fan-out); <see cref="Deliveries"/> are still counted.</summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>Null: no limits (tests need not wait). <see cref="SlackRateLimits.Documented"/>: Slack's.</summary>
    public SlackRateLimits? RateLimits { get; set; }

    /// <summary>Accepted chat.postMessage calls per "{workspace}/{channel}".</summary>
    public ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls answered 429 by <see cref="RateLimits"/>.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>users.info tz per user id; others are in America/Los_Angeles.</summary>
    public ConcurrentDictionary<string, string> TimeZones { get; } = new(StringComparer.Ordinal);

    /// <summary>People deactivated in the workspace: conversations.open with them answers user_not_found.</summary>
    public ConcurrentDictionary<string, bool> GoneUsers { get; } = new(StringComparer.Ordinal);

    /// <summary>Bearer token → tenant it belongs to. Calls with any other token get invalid_auth.</summary>
    public ConcurrentDictionary<string, string> Tokens { get; } = new();

    /// <summary>OAuth code → what oauth.v2.access answers for it.</summary>
    public ConcurrentDictionary<string, JsonObject> OAuthCodes { get; } = new();

    public string ClientId { get; set; } = "111.222";

    public string ClientSecret { get; set; } = "client-secret";

    /// <summary>Socket Mode frames the server sends on each new connection, in order.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> SocketScripts { get; } = new();

    public ConcurrentQueue<string> SocketAcks { get; } = new();

    public int SocketConnections;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (HttpContext context, string method) => fake.HandleAsync(context, method));
        app.Map("/socket", fake.SocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address + "/api/");
        return fake;
    }

    /// <summary>The next answers to <paramref name="method"/>, before the default behaviour resumes.</summary>
    public void Script(string method, params Func<HttpContext, Task>[] answers)
    {
        var queue = _scripts.GetOrAdd(method, _ => new Queue<Func<HttpContext, Task>>());
        lock (queue)
        {
            foreach (var answer in answers)
            {
                queue.Enqueue(answer);
            }
        }
    }

    public static Func<HttpContext, Task> RateLimited(int retryAfterSeconds) => context =>
    {
        context.Response.StatusCode = 429;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    };

    /// <summary>An HTTP failure without Slack's JSON body (a 503 from its edge), with an optional Retry-After.</summary>
    public static Func<HttpContext, Task> Status(int status, int? retryAfterSeconds = null) => context =>
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } wait)
        {
            context.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    };

    /// <summary>The connection reset before any answer.</summary>
    public static Func<HttpContext, Task> Dropped() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    public static Func<HttpContext, Task> Error(string error) => context =>
        context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = error });

    /// <summary>Slack issues a trigger when someone clicks or types a command; it is good for 3 s, once.</summary>
    public void IssueTrigger(string triggerId) => _triggers[triggerId] = DateTimeOffset.UtcNow;

    public IReadOnlyList<ApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public async Task<ApiCall> WaitForCallAsync(string method, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTimeOffset.UtcNow < deadline)
        {
            var calls = CallsTo(method);
            if (calls.Count >= count)
            {
                return calls[count - 1];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Expected {count} call(s) to {method}; saw {string.Join(", ", Calls.Select(c => c.Method))}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        JsonObject? json = null;
        Dictionary<string, string>? form = null;
        if (context.Request.HasFormContentType)
        {
            form = (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        }
        else
        {
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
            json = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }

        var call = new ApiCall(method, authorization, json, form, DateTimeOffset.UtcNow);
        if (RecordCalls)
        {
            Calls.Enqueue(call);
        }

        if (_scripts.TryGetValue(method, out var queue))
        {
            Func<HttpContext, Task>? scripted = null;
            lock (queue)
            {
                queue.TryDequeue(out scripted);
            }

            if (scripted is not null)
            {
                await scripted(context);
                return;
            }
        }

        if (RetryAfter(method, authorization, json) is > 0 and var wait)
        {
            Interlocked.Increment(ref _throttled);
            await RateLimited(wait)(context);
            return;
        }

        var answer = Answer(method, authorization, json, form);
        call.AnsweredTs = answer["ts"]?.GetValue<string>();
        if (method == "chat.postMessage" && answer["ok"]?.GetValue<bool>() == true)
        {
            Deliveries.AddOrUpdate($"{Tokens[Bearer(authorization)]}/{json?["channel"]?.GetValue<string>()}", 1, (_, n) => n + 1);
        }

        await context.Response.WriteAsJsonAsync(answer);
    }

    /// <summary>Seconds until Slack would take this call (0: now), counting it when it is taken. Calls with an unknown
    /// token are not limited: they fail with invalid_auth anyway.</summary>
    private int RetryAfter(string method, string authorization, JsonObject? json)
    {
        if (RateLimits is not { } limits || !Tokens.TryGetValue(Bearer(authorization), out var workspace))
        {
            return 0;
        }

        var budgets = new List<(WindowLimits Limits, string Key)>();
        if (method == "chat.postMessage")
        {
            budgets.Add((limits.PostMessagePerChannel, $"{workspace}/{json?["channel"]?.GetValue<string>()}"));
            budgets.Add((limits.PostMessagePerWorkspace, workspace));
        }
        else if (limits.MethodPerWorkspace.TryGetValue(method, out var tier))
        {
            budgets.Add((tier, workspace));
        }

        lock (limits)
        {
            // Every budget is checked before any counts: a refused call spends nothing.
            var wait = budgets.Select(b => b.Limits.RetryAfterSeconds(b.Key)).DefaultIfEmpty(0).Max();
            if (wait == 0)
            {
                budgets.ForEach(b => b.Limits.Count(b.Key));
            }

            return wait;
        }
    }

    private static string Bearer(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : "";

    private JsonObject Answer(string method, string authorization, JsonObject? json, Dictionary<string, string>? form)
    {
        if (method == "oauth.v2.access")
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
            return authorization != expected ? Fail("invalid_client")
                : form is not null && form.TryGetValue("code", out var code) && OAuthCodes.TryRemove(code, out var access) ? access
                : Fail("invalid_code");
        }

        if (method == "apps.connections.open")
        {
            return authorization.StartsWith("Bearer xapp-", StringComparison.Ordinal)
                ? new JsonObject { ["ok"] = true, ["url"] = BaseUrl.ToString().Replace("http://", "ws://", StringComparison.Ordinal).Replace("/api/", "/socket", StringComparison.Ordinal) }
                : Fail("invalid_auth");
        }

        if (!Tokens.TryGetValue(Bearer(authorization), out var tenant))
        {
            return Fail("invalid_auth");
        }

        switch (method)
        {
            case "auth.test":
                return new JsonObject { ["ok"] = true, ["team_id"] = tenant, ["user_id"] = "UBOT" + tenant, ["bot_id"] = "B" + tenant };
            case "chat.postMessage":
            case "chat.update":
            case "chat.postEphemeral":
                return new JsonObject { ["ok"] = true, ["channel"] = json?["channel"]?.GetValue<string>(), ["ts"] = $"1700000000.{Interlocked.Increment(ref _ts):000000}" };
            case "conversations.open":
                var member = json?["users"]?.GetValue<string>() ?? "";
                return GoneUsers.ContainsKey(member) ? Fail("user_not_found") : new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + member } };
            case "views.open":
                var trigger = json?["trigger_id"]?.GetValue<string>() ?? "";
                return _triggers.TryRemove(trigger, out var issued) && DateTimeOffset.UtcNow - issued < TriggerLifetime
                    ? new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V1" } }
                    : Fail("expired_trigger_id");
            case "views.update":
            case "views.publish":
                return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V1" } };
            case "users.info":
                var user = json?["user"]?.GetValue<string>();
                return user == "UGONE" ? Fail("user_not_found") : new JsonObject
                {
                    ["ok"] = true,
                    ["user"] = new JsonObject { ["id"] = user, ["name"] = "maria", ["real_name"] = "Maria", ["tz"] = TimeZones.GetValueOrDefault(user ?? "", "America/Los_Angeles"), ["tz_offset"] = -28800 },
                };
            default:
                return Fail("unknown_method");
        }
    }

    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        Interlocked.Increment(ref SocketConnections);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var frames = SocketScripts.TryDequeue(out var script) ? script : [];
        var buffer = new byte[64 * 1024];
        foreach (var frame in frames)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, context.RequestAborted);
            using var document = JsonDocument.Parse(frame);
            if (document.RootElement.TryGetProperty("envelope_id", out _))
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                SocketAcks.Enqueue(Encoding.UTF8.GetString(buffer, 0, received.Count));
            }
        }

        // Hold the connection open until the client leaves (after a disconnect frame) or the test ends.
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }

    private static JsonObject Fail(string error) => new() { ["ok"] = false, ["error"] = error };
}
