using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RolePlay.Testing.Teams;

namespace RolePlay.Testing.Models;

/// <summary>One chat-completions request as it reached the stand-in, before any check. <see cref="Authorization"/>
/// and <see cref="ApiKey"/> are the headers as sent (nothing redacted); <see cref="Body"/> is null when the body was not
/// a JSON object. <see cref="Deployment"/> is set on the Azure route only.</summary>
public sealed record RecordedChatRequest(
    string Path, string Query, string? Deployment, string? Authorization, string? ApiKey, JsonObject? Body, DateTimeOffset At);

/// <summary>
/// Stands in on 127.0.0.1 for an OpenAI-compatible chat-completions server: <c>POST /v1/chat/completions</c> (OpenAI,
/// Ollama, vLLM, llama.cpp) with <c>Authorization: Bearer</c>, and <c>POST /openai/deployments/{deployment}/chat/completions
/// ?api-version=</c> (Azure OpenAI) with <c>api-key</c>. It answers completions and event-stream chunks in OpenAI's wire
/// format with word-count usage, refuses a wrong key with OpenAI's 401, and records every request. Each request takes
/// the next <see cref="ChatScript"/> from <see cref="Script"/>'s queue, or <see cref="DefaultReply"/> when it is empty.
/// </summary>
public sealed class FakeChatCompletions : IAsyncDisposable
{
    private readonly LocalServer _server;
    private readonly ConcurrentQueue<ChatScript> _scripts = new();
    private readonly ConcurrentQueue<RecordedChatRequest> _requests = new();
    private volatile string _defaultReply = "Hello, thanks for getting back to me.";
    private int _abandoned;
    private ChatScript? _fallback;

    private FakeChatCompletions(LocalServer server, string apiKey)
    {
        _server = server;
        ApiKey = apiKey;
    }

    /// <summary>The OpenAI base URL (<c>…/v1</c>), as <c>OpenAIClientOptions.Endpoint</c> takes it.</summary>
    public Uri Endpoint => new(_server.BaseUri, "v1");

    /// <summary>The Azure OpenAI resource endpoint, as <c>AzureOpenAIClient</c> takes it.</summary>
    public Uri AzureEndpoint => _server.BaseUri;

    /// <summary>The only key accepted, as a Bearer token or as the api-key header.</summary>
    public string ApiKey { get; }

    /// <summary>What a request is answered when no script is queued.</summary>
    public string DefaultReply
    {
        get => _defaultReply;
        set => _defaultReply = value;
    }

    /// <summary>What a request is answered when no script is queued, in place of <see cref="DefaultReply"/>: a reply
    /// composed from each request, say.</summary>
    public ChatScript? Fallback
    {
        get => Volatile.Read(ref _fallback);
        set => Volatile.Write(ref _fallback, value);
    }

    public IReadOnlyList<RecordedChatRequest> Requests => _requests.ToArray();

    /// <summary>Requests whose client went away before their answer was written (a slow answer given up on).</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    public static async Task<FakeChatCompletions> StartAsync(string apiKey = "test-key")
    {
        FakeChatCompletions? self = null;
        // No request can come before self is set: nobody knows the port until StartAsync returns.
        var server = await LocalServer.StartAsync(_ => { }, app =>
        {
            app.MapPost("/v1/chat/completions", (HttpContext c) => self!.HandleAsync(c, deployment: null));
            app.MapPost("/openai/deployments/{deployment}/chat/completions", (HttpContext c, string deployment) => self!.HandleAsync(c, deployment));
        });
        self = new FakeChatCompletions(server, apiKey);
        return self;
    }

    /// <summary>Queues the answers to the next requests, in order, before <see cref="DefaultReply"/> resumes.</summary>
    public void Script(params ChatScript[] answers)
    {
        foreach (var answer in answers)
        {
            _scripts.Enqueue(answer);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string? deployment)
    {
        var request = context.Request;
        var body = await ReadObjectAsync(request, context.RequestAborted);
        var authorization = request.Headers.Authorization.FirstOrDefault();
        var apiKey = request.Headers["api-key"].FirstOrDefault();
        _requests.Enqueue(new RecordedChatRequest(request.Path.Value ?? "", request.QueryString.Value ?? "", deployment,
            authorization, apiKey, body?.DeepClone().AsObject(), DateTimeOffset.UtcNow));

        var exchange = new ChatExchange(context, body ?? [], deployment, DefaultReply);
        // The real services check the key before they look at the body.
        var presented = deployment is null ? Bearer(authorization) : apiKey;
        if (presented != ApiKey)
        {
            await exchange.FailAsync(401, OpenAiError.InvalidApiKey(presented));
            return;
        }

        if (Refusal(body, deployment, request.Query) is { } refusal)
        {
            await exchange.FailAsync(400, refusal);
            return;
        }

        var script = _scripts.TryDequeue(out var next) ? next : Fallback ?? ChatScript.Reply(DefaultReply);
        try
        {
            await script.AnswerAsync(exchange);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Interlocked.Increment(ref _abandoned);
        }
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Bearer(string? authorization) =>
        authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? authorization["Bearer ".Length..] : null;

    /// <summary>The 400 the service gives a request it cannot take, or null.</summary>
    private static JsonObject? Refusal(JsonObject? body, string? deployment, IQueryCollection query) =>
        body is null ? OpenAiError.InvalidRequest("We could not parse the JSON body of your request.", param: null)
        : body["messages"] is not JsonArray ? OpenAiError.InvalidRequest("Missing required parameter: 'messages'.", "messages")
        // Azure names the model by the deployment in the path; OpenAI needs it in the body.
        : deployment is null && body["model"] is null ? OpenAiError.InvalidRequest("you must provide a model parameter", param: null)
        : deployment is not null && string.IsNullOrEmpty(query["api-version"]) ? OpenAiError.InvalidRequest("Missing required query parameter: 'api-version'.", "api-version")
        : null;
}

/// <summary>One scripted answer to a chat-completions request. A reply is written as the request asks: one
/// <c>chat.completion</c>, or <c>chat.completion.chunk</c> events when it has <c>"stream": true</c>.</summary>
public sealed class ChatScript
{
    private readonly Func<ChatExchange, Task> _answer;

    private ChatScript(Func<ChatExchange, Task> answer)
    {
        _answer = answer;
    }

    public static ChatScript Reply(string text) => new(exchange => exchange.CompleteAsync(text));

    /// <summary>A reply made from the request's JSON body (to echo it, or to break a guard on purpose).</summary>
    public static ChatScript ReplyFrom(Func<JsonObject, string> compose) => new(exchange => exchange.CompleteAsync(compose(exchange.Body)));

    /// <summary>OpenAI's 429 for a requests-per-minute limit, with Retry-After in whole seconds (rounded up).</summary>
    public static ChatScript RateLimited(TimeSpan retryAfter) => new(exchange =>
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        exchange.Context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return exchange.FailAsync(429, OpenAiError.RateLimited(exchange.Model, seconds));
    });

    public static ChatScript ServerError() => new(exchange => exchange.FailAsync(500, OpenAiError.Server()));

    /// <summary>Waits <paramref name="delay"/> before answering with <paramref name="then"/> (the default reply when
    /// null). The wait ends when the client goes away, so a caller that gives up leaves nothing running here.</summary>
    public static ChatScript Slow(TimeSpan delay, ChatScript? then = null) => new(async exchange =>
    {
        await Task.Delay(delay, exchange.Context.RequestAborted);
        await (then ?? Reply(exchange.DefaultReply))._answer(exchange);
    });

    /// <summary>A 200 whose body is cut off mid-object: not JSON (inside one event when the request streams).</summary>
    public static ChatScript Malformed() => new(exchange => exchange.WriteBrokenAsync("{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion\",\"choices\":[{"));

    internal Task AnswerAsync(ChatExchange exchange) => _answer(exchange);
}

/// <summary>One request being answered: what it asked for, and how OpenAI writes each kind of answer to it.</summary>
internal sealed class ChatExchange(HttpContext context, JsonObject body, string? deployment, string defaultReply)
{
    // A piece per word with the whitespace before it (trailing whitespace its own), so the pieces join back exactly.
    private static readonly Regex Pieces = new(@"\s*\S+|\s+\z", RegexOptions.Compiled);

    public HttpContext Context { get; } = context;

    public JsonObject Body { get; } = body;

    /// <summary>Azure answers with the model behind the deployment; here that is the deployment's name.</summary>
    public string Model => Body["model"]?.GetValue<string>() ?? deployment ?? "";

    public string DefaultReply { get; } = defaultReply;

    private bool Streams => Body["stream"]?.GetValue<bool>() == true;

    public async Task CompleteAsync(string text)
    {
        var usage = Usage(text);
        if (!Streams)
        {
            await WriteJsonAsync(200, Completion.Whole(Model, text, usage));
            return;
        }

        StartEvents();
        var id = Completion.NewId();
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var withUsage = Body["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        var pieces = Pieces.Matches(text).Select(m => m.Value).DefaultIfEmpty("").ToList();
        for (var i = 0; i < pieces.Count; i++)
        {
            var delta = new JsonObject { ["content"] = pieces[i] };
            if (i == 0)
            {
                delta.Insert(0, "role", "assistant");
            }

            await WriteEventAsync(Completion.Chunk(id, created, Model, delta, finishReason: null, withUsage));
        }

        await WriteEventAsync(Completion.Chunk(id, created, Model, [], "stop", withUsage));
        if (withUsage)
        {
            await WriteEventAsync(Completion.UsageChunk(id, created, Model, usage));
        }

        await WriteEventAsync("[DONE]");
    }

    public Task FailAsync(int status, JsonObject error) => WriteJsonAsync(status, error);

    public async Task WriteBrokenAsync(string broken)
    {
        if (Streams)
        {
            StartEvents();
            await WriteEventAsync(broken);
            return;
        }

        Context.Response.ContentType = "application/json";
        await Context.Response.WriteAsync(broken, Context.RequestAborted);
    }

    private async Task WriteJsonAsync(int status, JsonObject json)
    {
        Context.Response.StatusCode = status;
        Context.Response.ContentType = "application/json";
        await Context.Response.WriteAsync(json.ToJsonString(), Context.RequestAborted);
    }

    private void StartEvents()
    {
        Context.Response.ContentType = "text/event-stream";
        Context.Response.Headers.CacheControl = "no-cache";
    }

    private Task WriteEventAsync(JsonNode data) => WriteEventAsync(data.ToJsonString());

    /// <summary>Flushed one by one, so the client reads the pieces as they come, as from a real server.</summary>
    private async Task WriteEventAsync(string data)
    {
        await Context.Response.WriteAsync($"data: {data}\n\n", Context.RequestAborted);
        await Context.Response.Body.FlushAsync(Context.RequestAborted);
    }

    /// <summary>A deterministic estimate: one token a word, of every message's text and of the reply.</summary>
    private ChatUsage Usage(string reply)
    {
        var prompt = (Body["messages"] as JsonArray ?? []).Sum(m => WordsIn(m?["content"]));
        return new ChatUsage(prompt, Words(reply));
    }

    private static int WordsIn(JsonNode? content) => content switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => Words(text),
        // Content parts: [{"type":"text","text":"…"}, …].
        JsonArray parts => parts.Sum(p => WordsIn(p?["text"])),
        _ => 0,
    };

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}

internal sealed record ChatUsage(int Prompt, int Completion)
{
    public JsonObject ToJson() => new() { ["prompt_tokens"] = Prompt, ["completion_tokens"] = Completion, ["total_tokens"] = Prompt + Completion };
}

/// <summary>The chat-completion objects of OpenAI's API reference: the whole response and the stream's chunks.</summary>
internal static class Completion
{
    public static string NewId() => "chatcmpl-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static JsonObject Whole(string model, string text, ChatUsage usage) => new()
    {
        ["id"] = NewId(),
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = "stop",
        }),
        ["usage"] = usage.ToJson(),
    };

    /// <summary>With include_usage every chunk carries <c>"usage": null</c> until the last, as OpenAI sends them.</summary>
    public static JsonObject Chunk(string id, long created, string model, JsonObject delta, string? finishReason, bool withUsage)
    {
        var chunk = Head(id, created, model);
        chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason });
        if (withUsage)
        {
            chunk["usage"] = null;
        }

        return chunk;
    }

    public static JsonObject UsageChunk(string id, long created, string model, ChatUsage usage)
    {
        var chunk = Head(id, created, model);
        chunk["choices"] = new JsonArray();
        chunk["usage"] = usage.ToJson();
        return chunk;
    }

    private static JsonObject Head(string id, long created, string model) =>
        new() { ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = created, ["model"] = model };
}

/// <summary>OpenAI's error bodies: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal static class OpenAiError
{
    public static JsonObject InvalidApiKey(string? presented) => Error(
        presented is null ? "You didn't provide an API key." : $"Incorrect API key provided: {Masked(presented)}.",
        "invalid_request_error", param: null, "invalid_api_key");

    public static JsonObject RateLimited(string model, int retryAfterSeconds) => Error(
        $"Rate limit reached for {model} on requests per min (RPM). Please try again in {retryAfterSeconds}s.",
        "requests", param: null, "rate_limit_exceeded");

    public static JsonObject Server() => Error(
        "The server had an error while processing your request. Sorry about that!", "server_error", param: null, code: null);

    public static JsonObject InvalidRequest(string message, string? param) => Error(message, "invalid_request_error", param, code: null);

    private static JsonObject Error(string message, string type, string? param, string? code) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = param, ["code"] = code } };

    // OpenAI shows the key's first and last four characters only.
    private static string Masked(string key) => key.Length <= 8 ? "****" : $"{key[..4]}****{key[^4..]}";
}
