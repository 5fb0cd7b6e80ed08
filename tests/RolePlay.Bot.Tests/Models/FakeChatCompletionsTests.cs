using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using OpenAI;
using RolePlay.Testing;
using RolePlay.Testing.Models;

namespace RolePlay.Bot.Tests.Models;

/// <summary>The chat-completions stand-in as the real OpenAI client library sees it through Microsoft.Extensions.AI:
/// if the stand-in's wire format, errors or timing were wrong, these calls would fail or read something else.</summary>
public sealed class FakeChatCompletionsTests : IAsyncLifetime
{
    private const string Model = "gpt-4o-mini";
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);

    private FakeChatCompletions _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeChatCompletions.StartAsync("sk-test-0123456789");

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task A_reply_comes_back_as_the_response_text_with_its_usage()
    {
        _fake.Script(ChatScript.Reply("I have been waiting for an hour."));

        var response = await Client().GetResponseAsync(Conversation());

        Assert.Equal("I have been waiting for an hour.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(Model, response.ModelId);
        Assert.StartsWith("chatcmpl-", response.ResponseId, StringComparison.Ordinal);
        // Words of the system and user messages (7 + 4), and of the reply.
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.Equal(18, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task The_recorded_request_has_the_key_model_messages_and_settings_the_client_sent()
    {
        await Client().GetResponseAsync(Conversation(), new ChatOptions { Temperature = 0.7f, MaxOutputTokens = 120 });

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-0123456789", request.Authorization);
        var body = request.Body!;
        Assert.Equal(Model, body["model"]?.GetValue<string>());
        Assert.Equal(0.7, body["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(120, body["max_completion_tokens"]?.GetValue<int>());
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("Where is my order?", messages[1]!["content"]!.GetValue<string>());
        Assert.Null(body["stream"]);
    }

    [Fact]
    public async Task A_streamed_reply_arrives_in_several_updates_and_ends_with_its_usage()
    {
        _fake.Script(ChatScript.Reply("Fine, but this is the third time I have asked."));

        var updates = await Client().GetStreamingResponseAsync(Conversation()).ToListAsync();

        var pieces = updates.Select(u => u.Text).Where(t => t.Length > 0).ToList();
        Assert.True(pieces.Count >= 3, $"Expected several pieces, got {pieces.Count}.");
        Assert.Equal("Fine, but this is the third time I have asked.", string.Concat(pieces));
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(11, usage.InputTokenCount);
        Assert.Equal(10, usage.OutputTokenCount);
        var body = Assert.Single(_fake.Requests).Body!;
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.True(body["stream_options"]!["include_usage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_reply_can_be_made_from_the_request()
    {
        _fake.Script(ChatScript.ReplyFrom(body => "You said: " + body["messages"]![1]!["content"]!.GetValue<string>()));

        var response = await Client().GetResponseAsync(Conversation());

        Assert.Equal("You said: Where is my order?", response.Text);
    }

    [Fact]
    public async Task The_default_reply_answers_when_nothing_is_scripted()
    {
        _fake.DefaultReply = "Okay.";

        var first = await Client().GetResponseAsync(Conversation());
        var streamed = await Client().GetStreamingResponseAsync(Conversation()).ToListAsync();

        Assert.Equal("Okay.", first.Text);
        Assert.Equal("Okay.", string.Concat(streamed.Select(u => u.Text)));
    }

    [Fact]
    public async Task A_rate_limit_surfaces_as_a_429_whose_Retry_After_the_caller_can_read()
    {
        _fake.Script(ChatScript.RateLimited(TimeSpan.FromSeconds(20)));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client().GetResponseAsync(Conversation()));

        Assert.Equal(429, error.Status);
        Assert.True(error.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter));
        Assert.Equal("20", retryAfter);
        var body = JsonNode.Parse(error.GetRawResponse()!.Content.ToString())!["error"]!;
        Assert.Equal("requests", body["type"]?.GetValue<string>());
        Assert.Equal("rate_limit_exceeded", body["code"]?.GetValue<string>());
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task With_its_default_retries_the_client_waits_out_the_Retry_After_and_gets_the_reply()
    {
        // Longer than the default policy's first back-off (0.8 s): a gap this long means Retry-After was read.
        _fake.Script(ChatScript.RateLimited(TimeSpan.FromSeconds(2)), ChatScript.Reply("Finally."));

        var response = await Client(ClientRetryPolicy.Default).GetResponseAsync(Conversation());

        Assert.Equal("Finally.", response.Text);
        var requests = _fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1.9), $"Retried after {requests[1].At - requests[0].At}.");
    }

    [Fact]
    public async Task A_server_error_surfaces_as_a_500_with_OpenAIs_message()
    {
        _fake.Script(ChatScript.ServerError());

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client().GetResponseAsync(Conversation()));

        Assert.Equal(500, error.Status);
        var body = JsonNode.Parse(error.GetRawResponse()!.Content.ToString())!["error"]!;
        Assert.Equal("server_error", body["type"]?.GetValue<string>());
        Assert.StartsWith("The server had an error while processing your request.", body["message"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_fails_the_call_instead_of_hanging()
    {
        _fake.Script(ChatScript.Malformed(), ChatScript.Malformed());

        // The client's parser throws (JsonReaderException, a JsonException) rather than waiting for more.
        await Assert.ThrowsAnyAsync<JsonException>(() => Client().GetResponseAsync(Conversation()).WaitAsync(NoHang));
        await Assert.ThrowsAnyAsync<JsonException>(() => Client().GetStreamingResponseAsync(Conversation()).ToListAsync().AsTask().WaitAsync(NoHang));
    }

    [Fact]
    public async Task A_slow_answer_is_given_up_on_at_the_callers_deadline_and_leaves_the_server_free()
    {
        _fake.Script(ChatScript.Slow(TimeSpan.FromMinutes(5)));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // With the default retries on: the caller's own cancellation is not retried, unlike a NetworkTimeout.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Client(ClientRetryPolicy.Default).GetResponseAsync(Conversation(), cancellationToken: deadline.Token).WaitAsync(NoHang));

        await Poll.UntilAsync(() => _fake.Abandoned == 1, NoHang);
        Assert.Equal(1, _fake.Abandoned);
        Assert.Single(_fake.Requests);
        Assert.Equal(_fake.DefaultReply, (await Client().GetResponseAsync(Conversation())).Text);
    }

    [Fact]
    public async Task A_slow_answer_within_the_deadline_is_the_scripted_reply()
    {
        _fake.Script(ChatScript.Slow(TimeSpan.FromMilliseconds(200), ChatScript.Reply("Sorry, I was on hold.")));

        var response = await Client().GetResponseAsync(Conversation());

        Assert.Equal("Sorry, I was on hold.", response.Text);
        Assert.Equal(0, _fake.Abandoned);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_OpenAIs_401()
    {
        _fake.Script(ChatScript.Reply("not for you"));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client(key: "sk-wrong-key-000").GetResponseAsync(Conversation()));

        Assert.Equal(401, error.Status);
        var body = JsonNode.Parse(error.GetRawResponse()!.Content.ToString())!["error"]!;
        Assert.Equal("invalid_request_error", body["type"]?.GetValue<string>());
        Assert.Equal("invalid_api_key", body["code"]?.GetValue<string>());
        Assert.Equal("Bearer sk-wrong-key-000", Assert.Single(_fake.Requests).Authorization);
        // A refused request takes no script: the next good one gets it.
        Assert.Equal("not for you", (await Client().GetResponseAsync(Conversation())).Text);
    }

    [Fact]
    public async Task The_Azure_client_is_answered_on_its_deployment_route_with_its_api_key_header()
    {
        _fake.Script(ChatScript.Reply("Azure says hello."));
        var response = await AzureClient(_fake.ApiKey).GetResponseAsync(Conversation());

        Assert.Equal("Azure says hello.", response.Text);
        var request = Assert.Single(_fake.Requests);
        Assert.Equal("/openai/deployments/customer-voice/chat/completions", request.Path);
        Assert.Equal("customer-voice", request.Deployment);
        Assert.StartsWith("?api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal(_fake.ApiKey, request.ApiKey);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task The_Azure_route_refuses_a_wrong_api_key()
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() => AzureClient("wrong").GetResponseAsync(Conversation()));

        Assert.Equal(401, error.Status);
    }

    private static List<ChatMessage> Conversation() =>
    [
        new(ChatRole.System, "You are an upset customer named Sam."),
        new(ChatRole.User, "Where is my order?"),
    ];

    /// <summary>No retries unless a test asks for them, so a scripted failure reaches the test at once.</summary>
    private IChatClient Client(ClientRetryPolicy? retries = null, string? key = null) =>
        new OpenAIClient(new ApiKeyCredential(key ?? _fake.ApiKey), new OpenAIClientOptions
        {
            Endpoint = _fake.Endpoint,
            RetryPolicy = retries ?? new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = NoHang,
        }).GetChatClient(Model).AsIChatClient();

    private IChatClient AzureClient(string key) =>
        new AzureOpenAIClient(_fake.AzureEndpoint, new ApiKeyCredential(key),
            new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0), NetworkTimeout = NoHang })
        .GetChatClient("customer-voice").AsIChatClient();
}
