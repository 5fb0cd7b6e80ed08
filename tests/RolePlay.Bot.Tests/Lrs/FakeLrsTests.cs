using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RolePlay.Testing.Lrs;

namespace RolePlay.Bot.Tests.Lrs;

/// <summary>The fake LRS over real HTTP: what the xAPI publisher's tests rely on it to accept, refuse and script.</summary>
public sealed class FakeLrsTests : IAsyncLifetime
{
    private const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    private const string Voided = "http://adlnet.gov/expapi/verbs/voided";
    private FakeLrs _lrs = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _lrs = await FakeLrs.StartAsync();
        _http = new HttpClient { BaseAddress = _lrs.Endpoint };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _lrs.DisposeAsync();
    }

    [Fact]
    public async Task The_endpoint_is_the_loopback_xapi_base()
    {
        Assert.Equal("127.0.0.1", _lrs.Endpoint.Host);
        Assert.EndsWith("/xapi/", _lrs.Endpoint.AbsoluteUri, StringComparison.Ordinal);
        using var response = await SendAsync(HttpMethod.Get, "statements");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("0.95", "not supported")]
    [InlineData("1.1.0", "not supported")]
    public async Task A_request_without_a_supported_version_header_is_refused_with_400(string? version, string reason)
    {
        using var response = await SendAsync(HttpMethod.Post, "statements", Statement(), version: version);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("X-Experience-API-Version", body, StringComparison.Ordinal);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Equal("1.0.3", Assert.Single(response.Headers.GetValues("X-Experience-API-Version")));
        Assert.Empty(_lrs.Statements);
    }

    [Theory]
    [InlineData("1.0.3", "1.0.3", "1.0.0")]
    [InlineData("1.0", "1.0.3", "1.0.0")]
    [InlineData("2.0.0", "2.0.0", "2.0.0")]
    public async Task Supported_versions_are_answered_in_kind(string sent, string answered, string statementVersion)
    {
        using var response = await SendAsync(HttpMethod.Post, "statements", Statement(), version: sent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(answered, Assert.Single(response.Headers.GetValues("X-Experience-API-Version")));
        Assert.True(response.Headers.Contains("X-Experience-API-Consistent-Through"));
        Assert.Equal(statementVersion, Assert.Single(_lrs.Statements)["version"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("lrs-user:wrong")]
    [InlineData("someone:lrs-pass")]
    public async Task Missing_or_wrong_credentials_are_refused_with_401(string? credentials)
    {
        using var response = await SendAsync(HttpMethod.Post, "statements", Statement(), basic: credentials);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Empty(_lrs.Statements);
        Assert.Equal(401, Assert.Single(_lrs.Requests).Status);
    }

    [Fact]
    public async Task A_batch_is_stored_in_order_and_answered_with_its_ids()
    {
        var given = Guid.NewGuid().ToString();
        var batch = new JsonArray(Statement(given), Statement(activity: "http://example.com/activities/b"), Statement(verb: "http://adlnet.gov/expapi/verbs/attempted"));

        using var response = await SendAsync(HttpMethod.Post, "statements", batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(given, ids[0]);
        Assert.All(ids, id => Assert.True(Guid.TryParseExact(id, "D", out _), id));
        Assert.Equal(3, ids.Distinct().Count());
        var stored = _lrs.Statements;
        Assert.Equal(ids, stored.Select(s => s["id"]!.GetValue<string>()));
        Assert.Equal(["http://example.com/activities/a", "http://example.com/activities/b", "http://example.com/activities/a"],
            stored.Select(s => s["object"]!["id"]!.GetValue<string>()));
        Assert.All(stored, s =>
        {
            Assert.NotNull(s["stored"]);
            Assert.Equal("lrs-user", s["authority"]!["account"]!["name"]!.GetValue<string>());
        });
        Assert.Equal(1, _lrs.StatementPosts);

        // Readable again: one by id, and all of them (newest first, as the spec orders them).
        using var one = await SendAsync(HttpMethod.Get, $"statements?statementId={ids[1]}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("http://example.com/activities/b", JsonNode.Parse(await one.Content.ReadAsStringAsync())!["object"]!["id"]!.GetValue<string>());
        using var all = await SendAsync(HttpMethod.Get, "statements");
        var result = JsonNode.Parse(await all.Content.ReadAsStringAsync())!;
        Assert.Equal("", result["more"]!.GetValue<string>());
        Assert.Equal(Enumerable.Reverse(ids), result["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        using var unknown = await SendAsync(HttpMethod.Get, $"statements?statementId={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_same_id_with_the_same_content_is_accepted_and_stored_once()
    {
        var id = Guid.NewGuid().ToString();

        using var first = await SendAsync(HttpMethod.Post, "statements", Statement(id));
        using var again = await SendAsync(HttpMethod.Post, "statements", new JsonArray(Statement(id), Statement()));
        using var put = await SendAsync(HttpMethod.Put, $"statements?statementId={id}", Statement(id));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, JsonNode.Parse(await again.Content.ReadAsStringAsync())![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(2, _lrs.Statements.Count);
        Assert.Single(_lrs.Statements, s => s["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task The_same_id_with_other_content_is_a_409_and_refuses_the_whole_batch()
    {
        var id = Guid.NewGuid().ToString();
        using var first = await SendAsync(HttpMethod.Post, "statements", Statement(id));

        using var conflict = await SendAsync(HttpMethod.Post, "statements",
            new JsonArray(Statement(), Statement(id, activity: "http://example.com/activities/other")));
        using var put = await SendAsync(HttpMethod.Put, $"statements?statementId={id}", Statement(verb: "http://adlnet.gov/expapi/verbs/attempted"));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("statement 1", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        var stored = Assert.Single(_lrs.Statements);
        Assert.Equal("http://example.com/activities/a", stored["object"]!["id"]!.GetValue<string>());
        Assert.Equal(Completed, stored["verb"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("verb", """{"id":"completed"}""", "verb.id")]
    [InlineData("actor", null, "actor is required")]
    [InlineData("id", "\"not-a-uuid\"", "id must be a UUID")]
    [InlineData("object", null, "object is required")]
    [InlineData("result", """{"score":{"scaled":1.5}}""", "result.score.scaled")]
    [InlineData("timestamp", "\"yesterday\"", "timestamp")]
    [InlineData("actor", """{"name":"no identifier"}""", "actor must have exactly one of")]
    [InlineData("colour", "\"blue\"", "unknown property 'colour'")]
    public async Task An_invalid_statement_is_a_400_naming_it_and_nothing_of_its_batch_is_stored(string property, string? value, string reason)
    {
        var invalid = Statement();
        invalid.Remove(property);
        if (value is not null)
        {
            invalid[property] = JsonNode.Parse(value);
        }

        using var response = await SendAsync(HttpMethod.Post, "statements", new JsonArray(Statement(), Statement(), invalid));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("statement 2: ", body, StringComparison.Ordinal);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Empty(_lrs.Statements);
    }

    [Fact]
    public async Task Two_statements_of_one_id_in_a_batch_are_a_400()
    {
        var id = Guid.NewGuid().ToString();

        using var response = await SendAsync(HttpMethod.Post, "statements", new JsonArray(Statement(id), Statement(id)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_lrs.Statements);
    }

    [Fact]
    public async Task Put_stores_under_the_statement_id_and_refuses_a_mismatch()
    {
        var id = Guid.NewGuid().ToString();

        using var mismatch = await SendAsync(HttpMethod.Put, $"statements?statementId={id}", Statement(Guid.NewGuid().ToString()));
        using var missing = await SendAsync(HttpMethod.Put, "statements", Statement());
        using var put = await SendAsync(HttpMethod.Put, $"statements?statementId={id}", Statement());

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(id, Assert.Single(_lrs.Statements)["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_scripted_429_carries_retry_after_then_the_lrs_answers_again()
    {
        _lrs.FailNext(429, TimeSpan.FromSeconds(2.5));
        _lrs.FailNext(503, times: 2);

        using var throttled = await SendAsync(HttpMethod.Post, "statements", Statement());
        using var unavailable = await SendAsync(HttpMethod.Post, "statements", Statement());
        // A scripted fault comes before anything else is looked at, even missing credentials.
        using var stillUnavailable = await SendAsync(HttpMethod.Post, "statements", Statement(), basic: null);
        using var accepted = await SendAsync(HttpMethod.Post, "statements", Statement());

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Null(unavailable.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stillUnavailable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(_lrs.Statements);
        Assert.Equal(4, _lrs.StatementPosts);
        Assert.Equal([429, 503, 503, 200], _lrs.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task While_down_connections_are_aborted_and_nothing_is_stored()
    {
        _lrs.Down = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(HttpMethod.Post, "statements", Statement()));

        _lrs.Down = false;
        using var response = await SendAsync(HttpMethod.Post, "statements", Statement());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_lrs.Statements);
        Assert.Equal([0, 200], _lrs.Requests.Select(r => r.Status));
        Assert.Equal(1, _lrs.StatementPosts);
    }

    [Fact]
    public async Task A_voided_statement_is_found_only_by_voided_statement_id()
    {
        var target = Guid.NewGuid().ToString();
        using var stored = await SendAsync(HttpMethod.Post, "statements", Statement(target));
        var voiding = Statement(verb: Voided);
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target };

        using var voided = await SendAsync(HttpMethod.Post, "statements", voiding);
        using var byId = await SendAsync(HttpMethod.Get, $"statements?statementId={target}");
        using var byVoidedId = await SendAsync(HttpMethod.Get, $"statements?voidedStatementId={target}");
        using var all = await SendAsync(HttpMethod.Get, "statements");

        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal(Guid.Parse(target), Assert.Single(_lrs.VoidedIds));
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byVoidedId.StatusCode);
        Assert.Equal(target, JsonNode.Parse(await byVoidedId.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        var listed = JsonNode.Parse(await all.Content.ReadAsStringAsync())!["statements"]!.AsArray();
        Assert.Equal(Voided, Assert.Single(listed)!["verb"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_voiding_statement_without_a_statement_ref_is_a_400()
    {
        using var response = await SendAsync(HttpMethod.Post, "statements", Statement(verb: Voided));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("StatementRef", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_lrs.VoidedIds);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_credentials_token_is_accepted_until_it_expires(bool basicClientAuthentication)
    {
        _lrs.AllowClient("publisher", "s3cret");
        var token = await TokenAsync("publisher", "s3cret", basicClientAuthentication);
        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.Equal("Bearer", token.Json!["token_type"]!.GetValue<string>());
        Assert.Equal(3600, token.Json["expires_in"]!.GetValue<int>());
        var accessToken = token.Json["access_token"]!.GetValue<string>();

        using var accepted = await SendAsync(HttpMethod.Post, "statements", Statement(), basic: null, bearer: accessToken);
        _lrs.ExpireTokens();
        using var expired = await SendAsync(HttpMethod.Post, "statements", Statement(), basic: null, bearer: accessToken);
        using var forged = await SendAsync(HttpMethod.Post, "statements", Statement(), basic: null, bearer: "not-issued");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("publisher", Assert.Single(_lrs.Statements)["authority"]!["account"]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_token_is_refused_to_an_unknown_client_or_a_wrong_secret()
    {
        _lrs.AllowClient("publisher", "s3cret");

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("publisher", "wrong", basic: true)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("stranger", "s3cret", basic: false)).Status);
        Assert.Equal(2, _lrs.TokenRequests);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Json)> TokenAsync(string clientId, string secret, bool basic)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        using var request = new HttpRequestMessage(HttpMethod.Post, _lrs.TokenEndpoint);
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        }
        else
        {
            fields["client_id"] = clientId;
            fields["client_secret"] = secret;
        }

        request.Content = new FormUrlEncodedContent(fields);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? null : JsonNode.Parse(body));
    }

    private Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, JsonNode? body = null, string? version = "1.0.3", string? basic = "lrs-user:lrs-pass", string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (version is not null)
        {
            request.Headers.Add("X-Experience-API-Version", version);
        }

        if (basic is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    private static JsonObject Statement(string? id = null, string verb = Completed, string activity = "http://example.com/activities/a")
    {
        var statement = new JsonObject
        {
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["mbox"] = "mailto:learner@example.com" },
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-US"] = "did" } },
            ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = activity },
            ["timestamp"] = "2025-01-02T03:04:05.678Z",
        };
        if (id is not null)
        {
            statement["id"] = id;
        }

        return statement;
    }
}
