using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using RolePlay.Testing.Teams;

namespace RolePlay.Testing.Lrs;

/// <summary>One request that reached the LRS and the status it was answered with (0: aborted while
/// <see cref="FakeLrs.Down"/>). Version, Authorization and Content-Type are the request's headers.</summary>
public sealed record RecordedLrsRequest(
    string Method, string Path, string Query, string? Version, string? Authorization, string? ContentType, string Body, int Status, DateTimeOffset At)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>
/// Stands in for a Learning Record Store's statements resource (xAPI 1.0.3 Part Three, also answering 2.0.0 clients) on
/// 127.0.0.1: Basic auth or an OAuth2 client-credentials Bearer token, the version header, validation of each statement
/// with all-or-nothing batches, ids assigned, 409 for an id stored with other content, voiding, and GET by id or all.
/// <see cref="FailNext"/> scripts 429/5xx answers and <see cref="Down"/> an outage.
/// </summary>
public sealed class FakeLrs : IAsyncDisposable
{
    private const string VersionHeader = "X-Experience-API-Version";
    private const string StatementsPath = "/xapi/statements";

    // The parameters each form of GET statements may carry (Communication 2.1.3); any other is refused with 400.
    private static readonly HashSet<string> SingleParameters = new(["statementId", "voidedStatementId", "attachments", "format"], StringComparer.Ordinal);
    private static readonly HashSet<string> ListParameters = new(
        ["agent", "verb", "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending"],
        StringComparer.Ordinal);

    private readonly LocalServer _server;
    private readonly string _username;
    private readonly string _password;
    private readonly Lock _gate = new();
    private readonly List<StoredStatement> _stored = [];
    private readonly Dictionary<Guid, StoredStatement> _byId = [];
    private readonly List<Guid> _voided = [];
    private readonly ConcurrentDictionary<string, string> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentQueue<RecordedLrsRequest> _requests = new();
    private int _statementPosts;
    private int _tokenRequests;
    private volatile bool _down;

    private FakeLrs(LocalServer server, string username, string password)
    {
        _server = server;
        _username = username;
        _password = password;
        Endpoint = new Uri(server.BaseUri, "xapi/");
    }

    /// <summary>The LRS's base endpoint, ending with a slash: statements at <c>{Endpoint}statements</c>, tokens at
    /// <c>{Endpoint}oauth/token</c>.</summary>
    public Uri Endpoint { get; }

    public Uri TokenEndpoint => new(Endpoint, "oauth/token");

    /// <summary>True: every request's connection is aborted before any answer (an outage); false again: it answers.</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>How long a token issued from now on is accepted (expires_in).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The statements stored, in the order received, as GET returns them (id, stored, authority, version and
    /// timestamp filled in). Copies: changing them changes nothing here.</summary>
    public IReadOnlyList<JsonObject> Statements
    {
        get
        {
            lock (_gate)
            {
                return _stored.Select(s => s.Stored.DeepClone().AsObject()).ToList();
            }
        }
    }

    /// <summary>The ids of statements voided (by a voiding statement that was stored), in the order voided.</summary>
    public IReadOnlyList<Guid> VoidedIds
    {
        get
        {
            lock (_gate)
            {
                return _voided.ToList();
            }
        }
    }

    public IReadOnlyList<RecordedLrsRequest> Requests => _requests.ToArray();

    /// <summary>POST statements requests answered, whatever the answer (scripted faults and refusals included; not
    /// those aborted while <see cref="Down"/>).</summary>
    public int StatementPosts => Volatile.Read(ref _statementPosts);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public static async Task<FakeLrs> StartAsync(string username = "lrs-user", string password = "lrs-pass")
    {
        FakeLrs? self = null;
        // No request can come before self is set: nobody knows the port until StartAsync returns.
        var server = await LocalServer.StartAsync(_ => { }, app => app.Run(c => self!.HandleAsync(c)));
        self = new FakeLrs(server, username, password);
        return self;
    }

    /// <summary>Registers an OAuth2 client that may take tokens from <see cref="TokenEndpoint"/>.</summary>
    public void AllowClient(string clientId, string secret) => _clients[clientId] = secret;

    /// <summary>Makes every token issued so far expire now (their next use is answered 401).</summary>
    public void ExpireTokens()
    {
        foreach (var token in _tokens.Keys)
        {
            _tokens.TryRemove(token, out _);
        }
    }

    /// <summary>The next <paramref name="times"/> statements requests are answered <paramref name="statusCode"/> before
    /// anything else is looked at, with a Retry-After in whole seconds (rounded up) when given. Calls queue up.</summary>
    public void FailNext(int statusCode, TimeSpan? retryAfter = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        int? seconds = retryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null;
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(new Fault(statusCode, seconds));
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var at = DateTimeOffset.UtcNow;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var version = request.Headers[VersionHeader].FirstOrDefault();
        if (_down)
        {
            Record(request, version, body, 0, at);
            context.Abort();
            return;
        }

        var path = request.Path.Value ?? "";
        var answer = path switch
        {
            StatementsPath => StatementsResource(request, version, body),
            "/xapi/oauth/token" when request.Method == "POST" => Token(request, body),
            "/xapi/about" when request.Method == "GET" => Answer.Json(200, new JsonObject { ["version"] = new JsonArray("1.0.3", "2.0.0") }),
            _ => Answer.Text(404, $"FakeLrs has no {request.Method} {path}."),
        };

        // Recorded before the answer is sent, so a client that has its answer finds the request here.
        Record(request, version, body, answer.Status, at);
        var response = context.Response;
        response.StatusCode = answer.Status;
        // Every response names the version (Communication 3.3); a 2.0.0 client is answered in 2.0.0.
        response.Headers[VersionHeader] = version == "2.0.0" ? "2.0.0" : "1.0.3";
        if (path == StatementsPath)
        {
            response.Headers["X-Experience-API-Consistent-Through"] = Timestamp(DateTimeOffset.UtcNow);
        }

        if (answer.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (answer.Challenge is { } challenge)
        {
            response.Headers.WWWAuthenticate = challenge;
        }

        if (answer.Body is not null)
        {
            response.ContentType = answer.ContentType;
            await response.WriteAsync(answer.Body);
        }
    }

    private void Record(HttpRequest request, string? version, string body, int status, DateTimeOffset at) =>
        _requests.Enqueue(new RecordedLrsRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", version,
            request.Headers.Authorization.FirstOrDefault(), request.ContentType, body, status, at));

    private Answer StatementsResource(HttpRequest request, string? version, string body)
    {
        if (request.Method == "POST")
        {
            Interlocked.Increment(ref _statementPosts);
        }

        if (_faults.TryDequeue(out var fault))
        {
            return Answer.Text(fault.Status, $"Scripted fault {fault.Status}.") with { RetryAfterSeconds = fault.RetryAfterSeconds };
        }

        if (version is null)
        {
            return Answer.Text(400, $"The {VersionHeader} header is required.");
        }

        // 1.0 counts as 1.0.0; any 1.0.x is accepted, later versions refused (Communication 3.3), and 2.0.0 is spoken.
        if (version != "1.0" && !version.StartsWith("1.0.", StringComparison.Ordinal) && version != "2.0.0")
        {
            return Answer.Text(400, $"{VersionHeader} {version} is not supported: this LRS accepts 1.0.x and 2.0.0.");
        }

        if (Authenticate(request) is not { } authority)
        {
            return Answer.Text(401, "Credentials are missing or refused.") with { Challenge = "Basic realm=\"xAPI\"" };
        }

        return request.Method switch
        {
            "GET" => Get(request.Query),
            "POST" => Post(request, body, authority, version),
            "PUT" => Put(request, body, authority, version),
            _ => Answer.Text(405, $"The statements resource does not take {request.Method}."),
        };
    }

    /// <summary>The authority the LRS records for the request's credentials, or null when they are missing or refused.</summary>
    private JsonObject? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault() ?? "";
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Basic(header) is var (user, password) && user == _username && password == _password ? Authority(user) : null;
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && _tokens.TryGetValue(header["Bearer ".Length..].Trim(), out var token) && token.Expires > DateTimeOffset.UtcNow)
        {
            return Authority(token.ClientId);
        }

        return null;
    }

    private JsonObject Authority(string name) =>
        new() { ["objectType"] = "Agent", ["account"] = new JsonObject { ["homePage"] = Endpoint.AbsoluteUri, ["name"] = name } };

    private static (string User, string Password)? Basic(string header)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>OAuth2 client credentials (RFC 6749 4.4): the client authenticates with Basic or with form fields.</summary>
    private Answer Token(HttpRequest request, string body)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Answer.Json(400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = "expected a form body" });
        }

        var form = QueryHelpers.ParseQuery(body);
        if (form.GetValueOrDefault("grant_type").ToString() != "client_credentials")
        {
            return Answer.Json(400, new JsonObject { ["error"] = "unsupported_grant_type" });
        }

        string? id = form.GetValueOrDefault("client_id").ToString();
        string? secret = form.GetValueOrDefault("client_secret").ToString();
        var header = request.Headers.Authorization.FirstOrDefault() ?? "";
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && Basic(header) is var (user, password))
        {
            // RFC 6749 2.3.1: the Basic credentials are form-encoded first.
            (id, secret) = (Uri.UnescapeDataString(user.Replace('+', ' ')), Uri.UnescapeDataString(password.Replace('+', ' ')));
        }

        if (string.IsNullOrEmpty(id) || !_clients.TryGetValue(id, out var expected) || expected != secret)
        {
            return Answer.Json(401, new JsonObject { ["error"] = "invalid_client" }) with { Challenge = "Basic realm=\"xAPI\"" };
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = new IssuedToken(id, DateTimeOffset.UtcNow + TokenLifetime);
        return Answer.Json(200, new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = (int)TokenLifetime.TotalSeconds });
    }

    private Answer Post(HttpRequest request, string body, JsonObject authority, string version)
    {
        if (request.Query.Count > 0)
        {
            return Answer.Text(400, "POST statements takes no parameters here (FakeLrs has no alternate request syntax).");
        }

        if (Parse(request, body, out var problem) is not { } node)
        {
            return problem!;
        }

        List<JsonNode?> batch;
        if (node is JsonArray array)
        {
            batch = [.. array];
        }
        else if (node is JsonObject single)
        {
            batch = [single];
        }
        else
        {
            return Answer.Text(400, "The content must be a statement object or an array of statements.");
        }

        // Every statement is checked before any is stored: one refused refuses the batch (Communication 3.2).
        var statements = new List<JsonObject>();
        for (var i = 0; i < batch.Count; i++)
        {
            var wrong = batch[i] is JsonObject candidate ? StatementRules.Problem(candidate) : "is not a JSON object";
            if (wrong is not null)
            {
                return Answer.Text(400, $"statement {i}: {wrong}");
            }

            statements.Add((JsonObject)batch[i]!);
        }

        return Store(statements, authority, version) is { } refusal ? refusal : Answer.Json(200, Ids(statements));
    }

    private static JsonArray Ids(List<JsonObject> statements) => new([.. statements.Select(s => (JsonNode?)s["id"]!.DeepClone())]);

    private Answer Put(HttpRequest request, string body, JsonObject authority, string version)
    {
        var query = request.Query;
        if (query.Keys.Any(k => k != "statementId"))
        {
            return Answer.Text(400, "PUT statements takes statementId and no other parameter.");
        }

        if (!Guid.TryParseExact(query["statementId"].ToString(), "D", out var id))
        {
            return Answer.Text(400, "PUT statements needs statementId, a UUID.");
        }

        if (Parse(request, body, out var problem) is not { } node)
        {
            return problem!;
        }

        if (node is not JsonObject statement)
        {
            return Answer.Text(400, "PUT statements stores one statement object.");
        }

        if (StatementRules.Problem(statement) is { } wrong)
        {
            return Answer.Text(400, $"statement 0: {wrong}");
        }

        // Where the statement carries an id it must be the one in the query (Communication 2.1.1).
        if (statement["id"] is { } own && Guid.ParseExact(own.GetValue<string>(), "D") != id)
        {
            return Answer.Text(400, $"The statement's id {own.GetValue<string>()} is not the statementId {query["statementId"]}.");
        }

        statement["id"] ??= query["statementId"].ToString();
        return Store([statement], authority, version) ?? new Answer(204);
    }

    /// <summary>The JSON body, or null with the answer refusing it.</summary>
    private static JsonNode? Parse(HttpRequest request, string body, out Answer? problem)
    {
        problem = null;
        var type = request.ContentType ?? "";
        if (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            problem = Answer.Text(501, "FakeLrs does not take attachments (multipart/mixed).");
            return null;
        }

        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            problem = Answer.Text(400, $"Statements are sent as application/json, not '{type}'.");
            return null;
        }

        try
        {
            return JsonNode.Parse(body) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            problem = Answer.Text(400, $"The content is not JSON: {e.Message}");
            return null;
        }
    }

    /// <summary>Stores the valid statements, all or none: null when stored, else the refusal. Ids missing are assigned
    /// (into the statements given); one already stored with the same content is accepted and not stored again.</summary>
    private Answer? Store(List<JsonObject> statements, JsonObject authority, string version)
    {
        var ids = new List<Guid>();
        foreach (var statement in statements)
        {
            if (statement["id"] is { } given)
            {
                ids.Add(Guid.ParseExact(given.GetValue<string>(), "D"));
            }
            else
            {
                var assigned = Guid.NewGuid();
                statement["id"] = assigned.ToString();
                ids.Add(assigned);
            }
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (ids.IndexOf(ids[i]) != i)
            {
                // Communication 2.1.2: a batch with two statements of one id is refused with 400.
                return Answer.Text(400, $"statement {i}: id {ids[i]} appears earlier in the same batch.");
            }
        }

        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (_byId.TryGetValue(ids[i], out var existing) && !JsonNode.DeepEquals(Comparable(existing.Received), Comparable(statements[i])))
                {
                    return Answer.Text(409, $"statement {i}: id {ids[i]} is already stored with different content.");
                }
            }

            for (var i = 0; i < ids.Count; i++)
            {
                if (_byId.ContainsKey(ids[i]))
                {
                    continue;
                }

                var stored = statements[i].DeepClone().AsObject();
                stored["stored"] = Timestamp(now);
                stored["authority"] = authority.DeepClone();
                stored["version"] ??= version == "2.0.0" ? "2.0.0" : "1.0.0";
                stored["timestamp"] ??= Timestamp(now);
                var entry = new StoredStatement(ids[i], statements[i].DeepClone().AsObject(), stored, now);
                _stored.Add(entry);
                _byId[ids[i]] = entry;
                Void(entry);
            }
        }

        return null;
    }

    /// <summary>A voiding statement voids its target, unless the target is itself a voiding statement, which "cannot
    /// be voided" (Communication 2.1.4). A target not received yet is voided when it comes.</summary>
    private void Void(StoredStatement entry)
    {
        if (StatementRules.VoidedTarget(entry.Received) is not { } target)
        {
            return;
        }

        if (_byId.TryGetValue(target, out var targeted) && StatementRules.VoidedTarget(targeted.Received) is not null)
        {
            return;
        }

        if (!_voided.Contains(target))
        {
            _voided.Add(target);
        }
    }

    /// <summary>What two statements of one id are compared on: the statement as received, less what the LRS sets.</summary>
    private static JsonObject Comparable(JsonObject statement)
    {
        var copy = statement.DeepClone().AsObject();
        foreach (var name in new[] { "id", "stored", "authority", "version" })
        {
            copy.Remove(name);
        }

        return copy;
    }

    private Answer Get(IQueryCollection query)
    {
        if (query.ContainsKey("statementId") || query.ContainsKey("voidedStatementId"))
        {
            return GetOne(query);
        }

        if (query.Keys.FirstOrDefault(k => !ListParameters.Contains(k)) is { } unknown)
        {
            return Answer.Text(400, $"GET statements does not take the parameter '{unknown}'.");
        }

        // Legal queries this fake does not answer are refused plainly rather than answered wrongly.
        if (query.Keys.FirstOrDefault(k => k is "agent" or "activity" or "related_activities" or "related_agents"
            || (k == "limit" && query[k] != "0") || (k == "format" && query[k] != "exact") || (k == "attachments" && query[k] != "false")) is { } unsupported)
        {
            return Answer.Text(501, $"FakeLrs does not implement '{unsupported}={query[unsupported]}': it filters on verb, registration, since and until.");
        }

        if (!Bound(query, "since", out var since) || !Bound(query, "until", out var until))
        {
            return Answer.Text(400, "since and until are ISO 8601 timestamps.");
        }

        var ascending = query["ascending"].ToString();
        if (ascending is not ("" or "true" or "false"))
        {
            return Answer.Text(400, "ascending is true or false.");
        }

        var verb = query["verb"].ToString();
        var registration = query["registration"].ToString();
        lock (_gate)
        {
            // Voided statements are never listed (Communication 2.1.4); the newest come first unless ascending.
            var found = _stored
                .Where(s => !_voided.Contains(s.Id))
                .Where(s => verb.Length == 0 || s.Stored["verb"]?["id"]?.GetValue<string>() == verb)
                .Where(s => registration.Length == 0 || string.Equals(
                    s.Stored["context"]?["registration"]?.GetValue<string>(), registration, StringComparison.OrdinalIgnoreCase))
                .Where(s => (since is null || s.At > since) && (until is null || s.At <= until));
            var ordered = ascending == "true" ? found : found.Reverse();
            var statements = new JsonArray([.. ordered.Select(s => (JsonNode?)s.Stored.DeepClone())]);
            return Answer.Json(200, new JsonObject { ["statements"] = statements, ["more"] = "" });
        }
    }

    private Answer GetOne(IQueryCollection query)
    {
        if (query.ContainsKey("statementId") && query.ContainsKey("voidedStatementId"))
        {
            return Answer.Text(400, "statementId and voidedStatementId cannot both be given.");
        }

        if (query.Keys.FirstOrDefault(k => !SingleParameters.Contains(k)) is { } other)
        {
            return Answer.Text(400, $"With statementId or voidedStatementId only attachments and format may be given, not '{other}'.");
        }

        var wantsVoided = query.ContainsKey("voidedStatementId");
        var raw = query[wantsVoided ? "voidedStatementId" : "statementId"].ToString();
        if (!Guid.TryParseExact(raw, "D", out var id))
        {
            return Answer.Text(400, $"'{raw}' is not a UUID.");
        }

        lock (_gate)
        {
            // A voided statement is found only by voidedStatementId, and only a voided one is (Communication 2.1.4).
            return _byId.TryGetValue(id, out var entry) && _voided.Contains(id) == wantsVoided
                ? Answer.Json(200, entry.Stored.DeepClone())
                : Answer.Text(404, $"No {(wantsVoided ? "voided " : "")}statement {raw}.");
        }
    }

    private static bool Bound(IQueryCollection query, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var raw))
        {
            return true;
        }

        if (!StatementRules.IsTimestamp(raw.ToString()))
        {
            return false;
        }

        value = DateTimeOffset.Parse(raw.ToString(), CultureInfo.InvariantCulture);
        return true;
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed record StoredStatement(Guid Id, JsonObject Received, JsonObject Stored, DateTimeOffset At);

    private sealed record IssuedToken(string ClientId, DateTimeOffset Expires);

    private sealed record Fault(int Status, int? RetryAfterSeconds);

    private sealed record Answer(int Status, string? Body = null, string ContentType = "text/plain; charset=utf-8")
    {
        public int? RetryAfterSeconds { get; init; }

        public string? Challenge { get; init; }

        public static Answer Text(int status, string message) => new(status, message);

        public static Answer Json(int status, JsonNode body) => new(status, body.ToJsonString(), "application/json");
    }
}

/// <summary>The checks an LRS makes on a statement before storing it (xAPI 1.0.3 Part Two, section 2): the shape of
/// actor, verb and object, UUIDs, IRIs, timestamps and scores. The first problem found, worded with its property path.</summary>
internal static partial class StatementRules
{
    private const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";

    private static readonly HashSet<string> Properties = new(
        ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"], StringComparer.Ordinal);

    // A SubStatement has no id, stored, version or authority (Data 2.4.4.3).
    private static readonly HashSet<string> SubStatementProperties = new(
        ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"], StringComparer.Ordinal);

    private static readonly string[] Ifis = ["mbox", "mbox_sha1sum", "openid", "account"];

    public static string? Problem(JsonObject statement)
    {
        if (statement.Select(p => p.Key).FirstOrDefault(k => !Properties.Contains(k)) is { } unknown)
        {
            return $"unknown property '{unknown}'";
        }

        if (statement.TryGetPropertyValue("id", out var id) && !IsUuid(id))
        {
            return $"id must be a UUID, got {Show(id)}";
        }

        if (statement.TryGetPropertyValue("version", out var version)
            && !(Text(version) is { } v && (VersionPattern().IsMatch(v) || v == "2.0.0")))
        {
            return $"version must be 1.0.x or 2.0.0, got {Show(version)}";
        }

        if (Body(statement, "", nested: false) is { } problem)
        {
            return problem;
        }

        return Text(statement["verb"]?["id"]) == VoidedVerb && Text(statement["object"]?["objectType"]) != "StatementRef"
            ? $"a voiding statement (verb {VoidedVerb}) must have a StatementRef object"
            : null;
    }

    /// <summary>The id a voiding statement voids, or null when it voids nothing.</summary>
    public static Guid? VoidedTarget(JsonObject statement) =>
        Text(statement["verb"]?["id"]) == VoidedVerb && Text(statement["object"]?["objectType"]) == "StatementRef"
        && Guid.TryParseExact(Text(statement["object"]?["id"]), "D", out var target)
            ? target
            : null;

    public static bool IsTimestamp(string? text) =>
        text is not null && TimestampPattern().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>What a statement and a SubStatement share: actor, verb, object, result, context, timestamp.</summary>
    private static string? Body(JsonObject statement, string at, bool nested) =>
        Actor(statement["actor"], at + "actor", required: true)
        ?? Verb(statement["verb"], at + "verb")
        ?? Object(statement["object"], at + "object", nested)
        ?? Result(statement["result"], at + "result")
        ?? Context(statement["context"], at + "context")
        ?? (statement.TryGetPropertyValue("timestamp", out var timestamp) && !IsTimestamp(Text(timestamp))
            ? $"{at}timestamp must be an ISO 8601 timestamp, got {Show(timestamp)}"
            : null);

    private static string? Actor(JsonNode? node, string at, bool required, bool agentOnly = false)
    {
        if (node is null)
        {
            return required ? $"{at} is required" : null;
        }

        if (node is not JsonObject actor)
        {
            return $"{at} must be an Agent or Group object, got {Show(node)}";
        }

        var type = actor.ContainsKey("objectType") ? Text(actor["objectType"]) : "Agent";
        if (type is not ("Agent" or "Group") || (agentOnly && type != "Agent"))
        {
            return $"{at}.objectType must be {(agentOnly ? "Agent" : "Agent or Group")}, got {Show(actor["objectType"])}";
        }

        var used = Ifis.Where(actor.ContainsKey).ToList();
        if (used.Count > 1 || (type == "Agent" && used.Count == 0))
        {
            return $"{at} must have exactly one of mbox, mbox_sha1sum, openid, account (has {(used.Count == 0 ? "none" : string.Join(", ", used))})";
        }

        if (actor.TryGetPropertyValue("mbox", out var mbox) && !(Text(mbox) is { } m && m.StartsWith("mailto:", StringComparison.Ordinal) && m.Length > 7))
        {
            return $"{at}.mbox must be a mailto: IRI, got {Show(mbox)}";
        }

        if (actor.TryGetPropertyValue("account", out var account)
            && !(account is JsonObject a && IsIri(Text(a["homePage"])) && Text(a["name"]) is { Length: > 0 }))
        {
            return $"{at}.account needs homePage (an IRL) and name, got {Show(account)}";
        }

        if (type == "Group" && used.Count == 0 && actor["member"] is not JsonArray)
        {
            return $"{at}: an anonymous Group needs a member array";
        }

        if (actor["member"] is JsonArray members)
        {
            for (var i = 0; i < members.Count; i++)
            {
                if (Actor(members[i], $"{at}.member[{i}]", required: true, agentOnly: true) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static string? Verb(JsonNode? node, string at)
    {
        if (node is not JsonObject verb)
        {
            return node is null ? $"{at} is required" : $"{at} must be an object, got {Show(node)}";
        }

        if (!IsIri(Text(verb["id"])))
        {
            return $"{at}.id must be an absolute IRI, got {Show(verb["id"])}";
        }

        return verb.TryGetPropertyValue("display", out var display) && display is not JsonObject
            ? $"{at}.display must be a language map, got {Show(display)}"
            : null;
    }

    private static string? Object(JsonNode? node, string at, bool nested)
    {
        if (node is not JsonObject target)
        {
            return node is null ? $"{at} is required" : $"{at} must be an object, got {Show(node)}";
        }

        var type = target.ContainsKey("objectType") ? Text(target["objectType"]) : "Activity";
        switch (type)
        {
            case "Activity":
                return IsIri(Text(target["id"])) ? null : $"{at}.id must be an absolute IRI (an Activity's id), got {Show(target["id"])}";
            case "StatementRef":
                return IsUuid(target["id"]) ? null : $"{at}.id must be a UUID (a StatementRef's id), got {Show(target["id"])}";
            case "Agent" or "Group":
                return Actor(target, at, required: true);
            case "SubStatement" when nested:
                return $"{at}: a SubStatement cannot contain a SubStatement";
            case "SubStatement":
                return target.Select(p => p.Key).FirstOrDefault(k => !SubStatementProperties.Contains(k)) is { } extra
                    ? $"{at}.{extra} is not allowed in a SubStatement"
                    : Body(target, at + ".", nested: true);
            default:
                return $"{at}.objectType must be Activity, Agent, Group, StatementRef or SubStatement, got {Show(target["objectType"])}";
        }
    }

    private static string? Result(JsonNode? node, string at)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject result)
        {
            return $"{at} must be an object, got {Show(node)}";
        }

        foreach (var flag in new[] { "success", "completion" })
        {
            if (result.TryGetPropertyValue(flag, out var value) && value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return $"{at}.{flag} must be true or false, got {Show(value)}";
            }
        }

        if (result.TryGetPropertyValue("duration", out var duration) && !(Text(duration) is { } d && DurationPattern().IsMatch(d)))
        {
            return $"{at}.duration must be an ISO 8601 duration, got {Show(duration)}";
        }

        return result.TryGetPropertyValue("score", out var score) ? Score(score, at + ".score") : null;
    }

    private static string? Score(JsonNode? node, string at)
    {
        if (node is not JsonObject score)
        {
            return $"{at} must be an object, got {Show(node)}";
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in new[] { "scaled", "raw", "min", "max" })
        {
            if (!score.TryGetPropertyValue(name, out var value))
            {
                continue;
            }

            if (value?.GetValueKind() != JsonValueKind.Number)
            {
                return $"{at}.{name} must be a number, got {Show(value)}";
            }

            values[name] = value.GetValue<double>();
        }

        if (values.TryGetValue("scaled", out var scaled) && scaled is < -1 or > 1)
        {
            return $"{at}.scaled must be from -1 to 1, got {Show(score["scaled"])}";
        }

        var hasMin = values.TryGetValue("min", out var min);
        var hasMax = values.TryGetValue("max", out var max);
        if (hasMin && hasMax && min > max)
        {
            return $"{at}.min must not be more than max";
        }

        return values.TryGetValue("raw", out var raw) && ((hasMin && raw < min) || (hasMax && raw > max))
            ? $"{at}.raw must be between min and max, got {Show(score["raw"])}"
            : null;
    }

    private static string? Context(JsonNode? node, string at)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject context)
        {
            return $"{at} must be an object, got {Show(node)}";
        }

        if (context.TryGetPropertyValue("registration", out var registration) && !IsUuid(registration))
        {
            return $"{at}.registration must be a UUID, got {Show(registration)}";
        }

        if (context.TryGetPropertyValue("contextActivities", out var activities) && activities is not JsonObject)
        {
            return $"{at}.contextActivities must be an object, got {Show(activities)}";
        }

        return Actor(context["instructor"], at + ".instructor", required: false);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool IsUuid(JsonNode? node) => Guid.TryParseExact(Text(node), "D", out _);

    /// <summary>A scheme, a colon and no white space (RFC 3987's IRI, as far as a publisher's bugs go).</summary>
    private static bool IsIri(string? text) => text is not null && IriPattern().IsMatch(text);

    private static string Show(JsonNode? node)
    {
        var json = node?.ToJsonString() ?? "nothing";
        return json.Length > 80 ? json[..77] + "..." : json;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$")]
    private static partial Regex IriPattern();

    [GeneratedRegex(@"^1\.0(\.[0-9]+)?$")]
    private static partial Regex VersionPattern();

    // ISO 8601 extended date and time; the zone may be left out (xAPI recommends one; the npm validator demands it).
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex DurationPattern();
}
