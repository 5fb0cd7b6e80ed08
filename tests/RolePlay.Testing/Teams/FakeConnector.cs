using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RolePlay.Testing.Teams;

/// <summary>One request the bot made to the connector.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string Body, DateTimeOffset At)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>The id the connector answered with (a posted activity's id), set before the answer is sent.</summary>
    public string? AnsweredId { get; set; }
}

/// <summary>A scripted answer: status, optional Retry-After seconds and body.</summary>
public sealed record ScriptedResponse(int Status, int? RetryAfterSeconds = null, string? Body = null);

/// <summary>Stands in for the Bot Connector service (smba.trafficmanager.net) and the Entra token endpoint: records
/// what the bot sends and answers from a script, else with success.</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly LocalServer _server;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _tokenRequests;
    private int _activityIds;

    private FakeConnector(LocalServer server) => _server = server;

    public string ServiceUrl => _server.BaseUri.AbsoluteUri;

    public string TokenEndpointTemplate => _server.BaseUri.AbsoluteUri + "token/{tenant}/oauth2/v2.0/token";

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public string? LastTokenTenant { get; private set; }

    public int TokenLifetimeSeconds { get; set; } = 3600;

    public TimeSpan TokenDelay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

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
            app.MapMethods("/v3/{**rest}", ["GET", "POST", "PUT", "DELETE"], async (HttpContext c) =>
            {
                using var reader = new StreamReader(c.Request.Body);
                var body = await reader.ReadToEndAsync();
                // The raw target shows how the bot escaped the ids (Kestrel's Path is already decoded).
                var target = c.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Split('?')[0];
                var recorded = new RecordedRequest(c.Request.Method, target, c.Request.QueryString.Value ?? "",
                    c.Request.Headers.Authorization.FirstOrDefault(), body, DateTimeOffset.UtcNow);
                self!._requests.Enqueue(recorded);
                if (self._script.TryDequeue(out var scripted))
                {
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

    private async Task AnswerAsync(HttpContext context, RecordedRequest recorded)
    {
        var path = context.Request.Path.Value!;
        JsonObject answer;
        if (path.EndsWith("/pagedmembers", StringComparison.Ordinal))
        {
            // Two pages: the first hands out a continuation token, the second ends the list.
            var second = context.Request.Query["continuationToken"] == "page-2";
            answer = new JsonObject
            {
                ["continuationToken"] = second ? null : "page-2",
                ["members"] = new JsonArray(new JsonObject { ["id"] = second ? "29:member-b" : "29:member-a", ["aadObjectId"] = second ? "aad-b" : "aad-a" }),
            };
        }
        else if (path == "/v3/conversations")
        {
            answer = new JsonObject { ["id"] = "a:created-conversation", ["activityId"] = "root-1", ["serviceUrl"] = ServiceUrl };
        }
        else
        {
            recorded.AnsweredId = $"activity-{Interlocked.Increment(ref _activityIds)}";
            answer = new JsonObject { ["id"] = recorded.AnsweredId };
        }

        context.Response.StatusCode = context.Request.Method == "POST" ? 201 : 200;
        await context.Response.WriteAsJsonAsync(answer);
    }
}
