using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RolePlay.Testing.Limits;

namespace RolePlay.Testing.Teams;

/// <summary>One request the bot made to the connector.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string Body, DateTimeOffset At)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>The id the connector answered with (a posted activity's id), set before the answer is sent.</summary>
    public string? AnsweredId { get; set; }
}

/// <summary>A scripted answer: status, optional Retry-After seconds and body, after an optional delay; or, with
/// <see cref="Drop"/>, the connection reset before any answer (a dropped connection).</summary>
public sealed record ScriptedResponse(int Status, int? RetryAfterSeconds = null, string? Body = null, TimeSpan? Delay = null)
{
    public bool Drop { get; init; }

    public static ScriptedResponse Dropped() => new(0) { Drop = true };
}

/// <summary>The connector's published limits (teams-protocol.md, "Limits"): per bot per conversation 7 per 1 s,
/// 8 per 2 s, 60 per 30 s and 1800 per hour for sends and creates, and per app per tenant 30 requests per second.</summary>
public sealed record TeamsRateLimits(WindowLimits PerConversation, WindowLimits PerTenant)
{
    public static TeamsRateLimits Published() => new(
        new WindowLimits(
            new WindowLimit(7, TimeSpan.FromSeconds(1)),
            new WindowLimit(8, TimeSpan.FromSeconds(2)),
            new WindowLimit(60, TimeSpan.FromSeconds(30)),
            new WindowLimit(1800, TimeSpan.FromHours(1))),
        new WindowLimits(new WindowLimit(30, TimeSpan.FromSeconds(1))));
}

/// <summary>Stands in for the Bot Connector service (smba.trafficmanager.net) and the Entra token endpoint: records
/// what the bot sends and answers from a script, else with success. With <see cref="RateLimits"/> it refuses what
/// Teams would refuse (429 with Retry-After); <see cref="BlockedMembers"/> have blocked the bot (403
/// MessageWritesBlocked); <see cref="Deliveries"/> counts the activities each conversation received.</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private const string Blocked = """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}""";
    private readonly LocalServer _server;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _tokenRequests;
    private int _activityIds;
    private int _throttled;

    private FakeConnector(LocalServer server) => _server = server;

    public string ServiceUrl => _server.BaseUri.AbsoluteUri;

    public string TokenEndpointTemplate => _server.BaseUri.AbsoluteUri + "token/{tenant}/oauth2/v2.0/token";

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public string? LastTokenTenant { get; private set; }

    public int TokenLifetimeSeconds { get; set; } = 3600;

    public TimeSpan TokenDelay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>False keeps no request bodies (a benchmark's fan-out); counts are still kept.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>Null: no limits (unit tests need not wait). <see cref="TeamsRateLimits.Published"/>: Teams' own.</summary>
    public TeamsRateLimits? RateLimits { get; set; }

    /// <summary>User ids ("29:…") who blocked the bot: creating their 1:1 chat or posting to it is refused.</summary>
    public ConcurrentDictionary<string, bool> BlockedMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>Activities posted (accepted) per conversation id.</summary>
    public ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests answered 429 by <see cref="RateLimits"/>.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>The 1:1 conversation Teams keeps for a member: creating it again returns the same id.</summary>
    public static string PersonalConversationOf(string userId) => "a:1on1-" + userId;

    public IEnumerable<RecordedRequest> ActivityPosts => Requests.Where(r => r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal));

    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public static async Task<FakeConnector> StartAsync()
    {
        FakeConnector? self = null;
        var server = await LocalServer.StartAsync(_ => { }, app =>
        {
            app.MapPost("/token/{tenant}/oauth2/v2.0/token", async (HttpContext c, string tenant) =>
            {
                var form = await c.Request.ReadFormAsync();
                var n = Interlocked.Increment(ref self!._tokenRequests);
                self.LastTokenTenant = tenant;
                await Task.Delay(self.TokenDelay);
                if (form["grant_type"] != "client_credentials" || form["scope"] != "https://api.botframework.com/.default")
                {
                    return Results.BadRequest();
                }

                return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = self.TokenLifetimeSeconds, ["access_token"] = $"token-{n}" });
            });
            app.MapMethods("/v3/{**rest}", ["POST", "PUT"], async (HttpContext c) =>
            {
                using var reader = new StreamReader(c.Request.Body);
                var body = await reader.ReadToEndAsync();
                // The raw target shows how the bot escaped the ids (Kestrel's Path is already decoded).
                var target = c.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Split('?')[0];
                var recorded = new RecordedRequest(c.Request.Method, target, c.Request.QueryString.Value ?? "",
                    c.Request.Headers.Authorization.FirstOrDefault(), body, DateTimeOffset.UtcNow);
                if (self!.RecordRequests)
                {
                    self._requests.Enqueue(recorded);
                }

                if (self.Refuse(c.Request.Method, c.Request.Path.Value!, body) is { } refusal)
                {
                    if (refusal.RetryAfterSeconds is { } wait)
                    {
                        c.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    c.Response.StatusCode = refusal.Status;
                    if (refusal.Body is not null)
                    {
                        c.Response.ContentType = "application/json";
                        await c.Response.WriteAsync(refusal.Body);
                    }

                    return;
                }

                if (self._script.TryDequeue(out var scripted))
                {
                    if (scripted.Delay is { } delay)
                    {
                        await Task.Delay(delay, c.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    }

                    if (scripted.Drop)
                    {
                        c.Abort();
                        return;
                    }

                    if (scripted.RetryAfterSeconds is { } seconds)
                    {
                        c.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    c.Response.StatusCode = scripted.Status;
                    if (scripted.Body is not null)
                    {
                        c.Response.ContentType = "application/json";
                        await c.Response.WriteAsync(scripted.Body);
                    }

                    return;
                }

                await self.AnswerAsync(c, recorded);
            });
        });
        self = new FakeConnector(server);
        return self;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>What Teams would refuse before doing anything: a blocked member's 1:1 chat, then the rate limits.</summary>
    private ScriptedResponse? Refuse(string method, string path, string body)
    {
        var json = body.Length == 0 ? null : JsonNode.Parse(body);
        var creating = method == "POST" && path == "/v3/conversations";
        var conversation = creating ? null : ConversationOf(path);
        // Creating a 1:1 chat names its member; a post to one names its recipient.
        var member = creating ? json?["members"]?[0]?["id"]?.GetValue<string>() : json?["recipient"]?["id"]?.GetValue<string>();
        if (member is not null && BlockedMembers.ContainsKey(member) && (creating || json?["conversation"]?["conversationType"]?.GetValue<string>() == "personal"))
        {
            return new ScriptedResponse(403, Body: Blocked);
        }

        if (RateLimits is not { } limits)
        {
            return null;
        }

        var tenant = json?["conversation"]?["tenantId"]?.GetValue<string>() ?? json?["tenantId"]?.GetValue<string>() ?? "";
        var sending = method is "POST" or "PUT" && (creating || path.Contains("/activities", StringComparison.Ordinal));
        var key = conversation ?? "create:" + member;
        lock (limits)
        {
            // Both budgets are checked before either counts: a refused request spends nothing.
            var wait = Math.Max(sending ? limits.PerConversation.RetryAfterSeconds(key) : 0, limits.PerTenant.RetryAfterSeconds(tenant));
            if (wait > 0)
            {
                Interlocked.Increment(ref _throttled);
                return new ScriptedResponse(429, wait);
            }

            if (sending)
            {
                limits.PerConversation.Count(key);
            }

            limits.PerTenant.Count(tenant);
        }

        return null;
    }

    /// <summary>The (decoded) conversation id of a /v3/conversations/{id}/… path.</summary>
    private static string ConversationOf(string path) =>
        path.StartsWith("/v3/conversations/", StringComparison.Ordinal)
            ? path["/v3/conversations/".Length..].Split('/')[0]
            : "";

    private async Task AnswerAsync(HttpContext context, RecordedRequest recorded)
    {
        var path = context.Request.Path.Value!;
        JsonObject answer;
        if (path == "/v3/conversations")
        {
            var member = recorded.Json?["members"]?[0]?["id"]?.GetValue<string>() ?? "";
            answer = new JsonObject { ["id"] = PersonalConversationOf(member), ["activityId"] = "root-1", ["serviceUrl"] = ServiceUrl };
        }
        else
        {
            recorded.AnsweredId = $"activity-{Interlocked.Increment(ref _activityIds)}";
            answer = new JsonObject { ["id"] = recorded.AnsweredId };
            if (context.Request.Method == "POST")
            {
                Deliveries.AddOrUpdate(ConversationOf(path), 1, (_, n) => n + 1);
            }
        }

        context.Response.StatusCode = context.Request.Method == "POST" ? 201 : 200;
        await context.Response.WriteAsJsonAsync(answer);
    }
}
