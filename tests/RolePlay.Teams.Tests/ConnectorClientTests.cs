using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Channels;
using RolePlay.Teams.Outbound;
using RolePlay.Teams.Protocol;
using RolePlay.Teams.Tests.Infrastructure;
using static RolePlay.Channels.SendOutcome;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace RolePlay.Teams.Tests;

/// <summary>The connector client against a Kestrel fake of the connector and token endpoint.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "19:abc@thread.tacv2;messageid=123";
    private FakeConnector _connector = null!;
    private IEnumerable<KeyValuePair<string, string?>> _settings = [];
    private ServiceProvider _services = null!;
    private ConnectorClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        await using var keys = await KeyServer.StartAsync();
        _settings = BotHost.Settings(keys, _connector);
        _services = Services();
        _client = _services.GetRequiredService<ConnectorClient>();
    }

    /// <summary>A client of its own, the test's settings with <paramref name="overrides"/> over them.</summary>
    private ServiceProvider Services(params (string Key, string Value)[] overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(_settings)
            .AddInMemoryCollection(overrides.Select(o => KeyValuePair.Create(o.Key, (string?)o.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddTeams(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private ConversationReference Reference(string conversation = Conversation, string tenant = BotHost.TenantId, string? type = null) => new()
    {
        ServiceUrl = _connector.ServiceUrl,
        ChannelId = "msteams",
        Bot = new ChannelAccount { Id = Activities.BotId },
        User = new ChannelAccount { Id = Activities.UserId },
        Conversation = new ConversationAccount { Id = conversation, TenantId = tenant, ConversationType = type },
    };

    private IReadOnlyCollection<UnreachableRecipient> Unreachable => _services.GetRequiredService<InMemoryUnreachableRecipients>().All;

    private const string Blocked = """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}""";

    [Fact]
    public async Task MessageWritesBlocked_in_a_personal_chat_reports_the_person_unreachable()
    {
        _connector.Enqueue(new ScriptedResponse(403, Body: Blocked));

        await _client.SendAsync(Reference(Activities.PersonalConversation, type: "personal"), Text("hi"), CancellationToken.None);

        Assert.Equal(new UnreachableRecipient("teams", BotHost.TenantId, Activities.UserId, "Thread is blocked"), Assert.Single(Unreachable));
    }

    [Fact]
    public async Task MessageWritesBlocked_in_a_channel_marks_no_one()
    {
        _connector.Enqueue(new ScriptedResponse(403, Body: Blocked));

        var outcome = await _client.SendAsync(Reference(type: "channel"), Text("hi"), CancellationToken.None);

        Assert.IsType<Unreachable>(outcome);
        Assert.Empty(Unreachable);
    }

    [Fact]
    public async Task MessageWritesBlocked_when_creating_a_1_1_chat_reports_its_member()
    {
        _connector.Enqueue(new ScriptedResponse(403, Body: Blocked));

        var result = await _client.CreatePersonalConversationAsync(_connector.ServiceUrl, BotHost.TenantId, "29:someone", CancellationToken.None);

        Assert.IsType<Unreachable>(result.Outcome);
        Assert.Equal("29:someone", Assert.Single(Unreachable).UserId);
    }

    private static Activity Text(string text) => new() { Type = "message", Text = text };

    [Fact]
    public async Task Send_posts_the_activity_with_escaped_ids_and_a_bearer_token()
    {
        var outcome = await _client.SendAsync(Reference(), Text("hello"), CancellationToken.None);

        Assert.Equal(new Sent("activity-1"), outcome);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/activities", request.Path);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal(Activities.BotId, request.Json!["from"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.UserId, request.Json!["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay()
    {
        _connector.Enqueue(new ScriptedResponse(429, RetryAfterSeconds: 1));
        var watch = Stopwatch.StartNew();

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.IsType<Sent>(outcome);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {watch.Elapsed}");
        var gap = _connector.Requests[1].At - _connector.Requests[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"gap {gap}");
    }

    [Theory]
    [InlineData(408)]
    [InlineData(412)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried(int status)
    {
        _connector.Enqueue(new ScriptedResponse(status), new ScriptedResponse(status));

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.IsType<Sent>(outcome);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task Persistent_throttling_ends_as_Throttled_after_the_bounded_attempts()
    {
        _connector.Enqueue(Enumerable.Repeat(new ScriptedResponse(429), 10).ToArray());

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.IsType<Throttled>(outcome);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_wait_budget_is_reported_not_waited_for()
    {
        _connector.Enqueue(new ScriptedResponse(429, RetryAfterSeconds: 120));

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.Equal(new Throttled(TimeSpan.FromSeconds(120)), outcome);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_503_waits_for_its_Retry_After_before_the_next_attempt()
    {
        _connector.Enqueue(new ScriptedResponse(503, RetryAfterSeconds: 1));

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.IsType<Sent>(outcome);
        var gap = _connector.Requests[1].At - _connector.Requests[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"gap {gap}");
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_with_the_same_activity()
    {
        _connector.Enqueue(ScriptedResponse.Dropped());

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.IsType<Sent>(outcome);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.All(_connector.Requests, r => Assert.Equal("hi", r.Json!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_connection_that_keeps_dropping_ends_as_a_transport_failure_after_the_bounded_attempts()
    {
        _connector.Enqueue(Enumerable.Repeat(ScriptedResponse.Dropped(), 10).ToArray());

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.Equal("transport", Assert.IsType<Failed>(outcome).Code);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_slower_than_its_timeout_is_abandoned_and_retried()
    {
        await using var services = Services(("Teams:Retry:AttemptTimeout", "00:00:00.500"));
        _connector.Enqueue(new ScriptedResponse(200, Delay: TimeSpan.FromSeconds(10)));
        var watch = Stopwatch.StartNew();

        var outcome = await services.GetRequiredService<ConnectorClient>().SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.IsType<Sent>(outcome);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"the slow attempt was waited for ({watch.Elapsed})");
    }

    [Fact]
    public async Task Every_retry_spends_the_conversations_budget()
    {
        // Five sends that each fail once make ten requests; 7 a second and 8 in two seconds hold for all ten.
        _connector.Enqueue(Enumerable.Repeat(new ScriptedResponse(502), 5).ToArray());

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => _client.SendAsync(Reference(), Text($"m{i}"), CancellationToken.None)));

        var requests = _connector.Requests.OrderBy(r => r.At).ToList();
        Assert.Equal(10, requests.Count);
        Assert.True(requests[8].At - requests[0].At >= TimeSpan.FromSeconds(1.5), "the 9th request went out inside the 2 s window");
    }

    [Fact]
    public async Task A_502_that_persists_ends_as_Failed()
    {
        _connector.Enqueue(Enumerable.Repeat(new ScriptedResponse(502), 10).ToArray());

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.Equal(502, Assert.IsType<Failed>(outcome).StatusCode);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task MessageWritesBlocked_is_Unreachable_without_retry()
    {
        _connector.Enqueue(new ScriptedResponse(403, Body: """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}"""));

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.Equal(new Unreachable("Thread is blocked"), outcome);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Another_error_is_Failed_with_the_connector_code_and_message()
    {
        _connector.Enqueue(new ScriptedResponse(400, Body: """{"error":{"code":"BadSyntax","message":"Activity is malformed"}}"""));

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.Equal(new Failed("BadSyntax", "Activity is malformed", 400), outcome);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_401_fetches_a_fresh_token_once_and_retries()
    {
        _connector.Enqueue(new ScriptedResponse(401));

        var outcome = await _client.SendAsync(Reference(), Text("hi"), CancellationToken.None);

        Assert.IsType<Sent>(outcome);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], _connector.Requests.Select(r => r.Authorization));
        Assert.Equal(2, _connector.TokenRequests);
    }

    [Theory]
    [InlineData("https://evil.example.com/amer/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("file:///etc/passwd")]
    public async Task An_untrusted_serviceUrl_is_refused_before_any_token_is_sent(string serviceUrl)
    {
        var reference = Reference();
        reference.ServiceUrl = serviceUrl;

        var outcome = await _client.SendAsync(reference, Text("hi"), CancellationToken.None);

        Assert.Equal("untrustedServiceUrl", Assert.IsType<Failed>(outcome).Code);
        Assert.Empty(_connector.Requests);
        Assert.Equal(0, _connector.TokenRequests);
    }

    [Fact]
    public async Task Concurrent_senders_share_one_token_request()
    {
        _connector.TokenDelay = TimeSpan.FromMilliseconds(300);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _client.SendAsync(Reference($"a:conv-{i}"), Text("hi"), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.IsType<Sent>(o));
        Assert.Equal(1, _connector.TokenRequests);
    }

    [Fact]
    public async Task The_token_is_refreshed_ahead_of_expiry_and_not_before()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var provider = new ClientCredentialsTokenProvider(_services.GetRequiredService<IHttpClientFactory>(),
            _services.GetRequiredService<IOptions<TeamsOptions>>(), time, NullLogger<ClientCredentialsTokenProvider>.Instance);

        Assert.Equal("token-1", await provider.GetTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await provider.GetTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("token-2", await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, _connector.TokenRequests);
    }

    [Fact]
    public async Task A_burst_to_one_conversation_is_paced_to_the_per_conversation_limits()
    {
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => _client.SendAsync(Reference(), Text($"m{i}"), CancellationToken.None)));

        // 7 per second and 8 per 2 seconds: the 9th and 10th wait for the 2-second window to slide.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.5), $"10 sends took {watch.Elapsed}");
        var requests = _connector.Requests.OrderBy(r => r.At).ToList();
        Assert.Equal(10, requests.Count);
        Assert.True(requests[8].At - requests[0].At >= TimeSpan.FromSeconds(1.5), "the 9th send went out inside the 2 s window");
        Assert.True(requests.Count(r => r.At - requests[0].At < TimeSpan.FromMilliseconds(900)) <= 7, "more than 7 sends in the first second");
    }

    [Fact]
    public async Task The_limit_is_per_conversation_so_a_spread_burst_is_not_slowed()
    {
        await _client.SendAsync(Reference("a:warm-up"), Text("token"), CancellationToken.None);
        var oneConversation = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => _client.SendAsync(Reference("a:one"), Text($"m{i}"), CancellationToken.None)));
        oneConversation.Stop();

        var spread = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => _client.SendAsync(Reference($"a:conv-{i}"), Text("hi"), CancellationToken.None)));
        spread.Stop();

        // Compared within the run, not against a fixed time: the same burst to one conversation must wait for its
        // 2-second window, the spread one must not wait at all.
        Assert.True(oneConversation.Elapsed >= TimeSpan.FromSeconds(1.5), $"10 sends to one conversation took {oneConversation.Elapsed}");
        Assert.True(spread.Elapsed < oneConversation.Elapsed * 0.6,
            $"10 sends to 10 conversations took {spread.Elapsed}, to one conversation {oneConversation.Elapsed}");
    }

    [Fact]
    public async Task A_tenant_gets_at_most_30_requests_a_second()
    {
        await _client.SendAsync(Reference("a:warm-up", tenant: "tenant-b"), Text("token"), CancellationToken.None);
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 35).Select(i => _client.SendAsync(Reference($"a:t-{i}"), Text("hi"), CancellationToken.None)));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(800), $"35 sends in one tenant took {watch.Elapsed}");
    }

    [Fact]
    public async Task Text_over_28_KB_is_split_at_paragraph_boundaries_into_activities_under_the_budget()
    {
        var paragraphs = Enumerable.Range(0, 40).Select(i => $"Paragraph {i}. " + string.Join(' ', Enumerable.Repeat("empathy", 250))).ToList();
        var text = string.Join("\n\n", paragraphs);
        Assert.True(Encoding.UTF8.GetByteCount(text) > 2 * ActivitySplitter.MaxActivityBytes);

        var outcome = await _client.SendAsync(Reference(), Text(text), CancellationToken.None);

        Assert.IsType<Sent>(outcome);
        var posts = _connector.Requests;
        Assert.True(posts.Count >= 3, $"{posts.Count} activities");
        Assert.All(posts, p => Assert.True(Encoding.UTF8.GetByteCount(p.Body) <= ActivitySplitter.MaxActivityBytes, $"{p.Body.Length} bytes"));
        var parts = posts.Select(p => p.Json!["text"]!.GetValue<string>()).ToList();
        Assert.All(parts, p => Assert.StartsWith("Paragraph ", p, StringComparison.Ordinal));
        Assert.Equal(paragraphs, parts.SelectMany(p => p.Split("\n\n")));
    }

    [Fact]
    public void A_single_huge_word_is_cut_without_breaking_surrogate_pairs()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 20_000));

        var parts = ActivitySplitter.Split(new Activity { Type = "message", Text = text });

        Assert.NotNull(parts);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(ActivitySplitter.SizeOf(p) <= ActivitySplitter.MaxActivityBytes));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p.Text![^1])));
        Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
    }

    [Fact]
    public async Task A_card_that_alone_exceeds_the_budget_is_refused_and_not_sent()
    {
        var huge = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = new string('x', 40_000) }) };
        var activity = new Activity { Type = "message", Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = huge }] };

        var outcome = await _client.SendAsync(Reference(), activity, CancellationToken.None);

        Assert.Equal(413, Assert.IsType<Failed>(outcome).StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Reply_and_update_address_the_activity()
    {
        var reference = Reference();

        await _client.ReplyAsync(reference, "1:abc", Text("reply"), CancellationToken.None);
        var updated = await _client.UpdateAsync(reference, "1:abc", Text("edited"), CancellationToken.None);

        Assert.IsType<Sent>(updated);
        var path = "/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/activities/1%3Aabc";
        Assert.Equal([("POST", path), ("PUT", path)], _connector.Requests.Select(r => (r.Method, r.Path)));
        Assert.Equal("1:abc", _connector.Requests[0].Json!["replyToId"]!.GetValue<string>());
        Assert.Equal("1:abc", _connector.Requests[1].Json!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_proactive_personal_conversation_is_created_with_the_tenant()
    {
        var result = await _client.CreatePersonalConversationAsync(_connector.ServiceUrl, BotHost.TenantId, "29:someone", CancellationToken.None);

        Assert.Equal(new Sent(FakeConnector.PersonalConversationOf("29:someone")), result.Outcome);
        var body = Assert.Single(_connector.Requests).Json!;
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("28:" + BotHost.AppId, body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("29:someone", body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(BotHost.TenantId, body["tenantId"]!.GetValue<string>());
        Assert.Equal(BotHost.TenantId, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("transport", null, true)]
    [InlineData("token", null, true)]
    [InlineData("ServiceError", 502, true)]
    [InlineData("PreconditionFailed", 412, true)]
    [InlineData("RequestTimeout", 408, true)]
    [InlineData("BadArgument", 400, false)]
    [InlineData("Forbidden", 403, false)]
    [InlineData("MessageSizeTooBig", 413, false)]
    [InlineData("untrustedServiceUrl", null, false)]
    public void Only_failures_that_may_pass_by_themselves_are_worth_trying_again(string code, int? status, bool passing) =>
        Assert.Equal(passing, ConnectorClient.IsPassing(new Failed(code, "", status)));
}
