using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Channels;
using RolePlay.Slack.Api;
using RolePlay.Slack.Tests.Infrastructure;

namespace RolePlay.Slack.Tests;

public sealed class SlackApiClientTests
{
    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_then_succeeds()
    {
        await using var host = await StartAsync();
        host.Api.Script("chat.postMessage", FakeSlackApi.RateLimited(1), FakeSlackApi.RateLimited(1));
        var watch = Stopwatch.StartNew();

        var outcome = await Client(host).PostMessageAsync("T1", "C1", "hello");

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"retried after {watch.Elapsed}");
        var calls = host.Api.CallsTo("chat.postMessage");
        Assert.Equal(3, calls.Count);
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromSeconds(0.95));
    }

    [Fact]
    public async Task Retries_are_bounded_and_end_as_Throttled()
    {
        await using var host = await StartAsync();
        host.Api.Script("chat.update", Enumerable.Repeat(FakeSlackApi.RateLimited(0), 10).ToArray());

        var outcome = await Client(host).UpdateMessageAsync("T1", "C1", "1.2", "x");

        Assert.Equal(new SendOutcome.Throttled(TimeSpan.Zero), outcome);
        Assert.Equal(4, host.Api.CallsTo("chat.update").Count);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_limit_is_returned_at_once()
    {
        await using var host = await StartAsync();
        host.Api.Script("views.publish", FakeSlackApi.RateLimited(120));

        var outcome = await Client(host).PublishViewAsync("T1", "U1", new System.Text.Json.Nodes.JsonObject { ["type"] = "home" });

        Assert.Equal(new SendOutcome.Throttled(TimeSpan.FromSeconds(120)), outcome);
        Assert.Single(host.Api.CallsTo("views.publish"));
    }

    [Fact]
    public async Task Ok_false_is_a_typed_failure_with_slacks_error_code()
    {
        await using var host = await StartAsync();
        host.Api.Script("chat.postMessage", FakeSlackApi.Error("channel_not_found"));

        Assert.Equal(new SendOutcome.Failed("channel_not_found"), await Client(host).PostMessageAsync("T1", "C404", "x"));
        host.Api.Script("users.info", FakeSlackApi.Error("user_not_visible"));
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client(host).GetUserAsync("T1", "U1"));
        Assert.Equal(("users.info", "user_not_visible"), (error.Method, error.Error));
    }

    [Theory]
    [InlineData("account_inactive")]
    [InlineData("user_not_found")]
    public async Task A_person_who_is_gone_is_Unreachable_and_reported(string error)
    {
        await using var host = await StartAsync();
        host.Api.Script("chat.postEphemeral", FakeSlackApi.Error(error));

        var outcome = await Client(host).PostEphemeralAsync("T1", "C1", "UGONE", "x");

        Assert.Equal(new SendOutcome.Unreachable(error), outcome);
        Assert.Equal(new UnreachableRecipient("slack", "T1", "UGONE", error),
            Assert.Single(host.Services.GetRequiredService<InMemoryUnreachableRecipients>().All));
    }

    [Theory]
    [InlineData("token_revoked")]
    [InlineData("invalid_auth")]
    public async Task A_revoked_token_purges_the_workspace(string error)
    {
        await using var host = await StartAsync();
        host.Api.Script("chat.postMessage", FakeSlackApi.Error(error));

        Assert.Equal(new SendOutcome.Failed(error), await Client(host).PostMessageAsync("T1", "C1", "x"));

        Assert.Null(await host.Installs.FindAsync("T1", CancellationToken.None));
        Assert.Equal(new SendOutcome.Failed("not_installed"), await Client(host).PostMessageAsync("T1", "C1", "again"));
    }

    [Fact]
    public async Task Users_info_keeps_the_IANA_time_zone()
    {
        await using var host = await StartAsync();

        var user = await Client(host).GetUserAsync("T1", "U1");

        Assert.Equal(("America/Los_Angeles", -28800), (user.TimeZone, user.TimeZoneOffsetSeconds));
        Assert.Equal("user_not_found", (await Assert.ThrowsAsync<SlackApiException>(() => Client(host).GetUserAsync("T1", "UGONE"))).Error);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_server_fault_is_retried_and_then_succeeds(int status)
    {
        await using var host = await StartAsync();
        host.Api.Script("chat.postMessage", FakeSlackApi.Status(status));

        Assert.IsType<SendOutcome.Sent>(await Client(host).PostMessageAsync("T1", "C1", "hello"));
        Assert.Equal(2, host.Api.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task A_503_waits_for_its_Retry_After()
    {
        await using var host = await StartAsync();
        host.Api.Script("views.publish", FakeSlackApi.Status(503, retryAfterSeconds: 1));

        Assert.IsType<SendOutcome.Sent>(await Client(host).PublishViewAsync("T1", "U1", new System.Text.Json.Nodes.JsonObject { ["type"] = "home" }));
        var calls = host.Api.CallsTo("views.publish");
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.95), $"gap {calls[1].At - calls[0].At}");
    }

    [Fact]
    public async Task A_server_fault_that_persists_ends_as_Failed_with_its_status_after_the_bounded_attempts()
    {
        await using var host = await StartAsync();
        host.Api.Script("chat.update", Enumerable.Repeat(FakeSlackApi.Status(503), 10).ToArray());

        Assert.Equal(new SendOutcome.Failed("http_503"), await Client(host).UpdateMessageAsync("T1", "C1", "1.2", "x"));
        Assert.Equal(4, host.Api.CallsTo("chat.update").Count);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_with_the_same_message()
    {
        await using var host = await StartAsync();
        host.Api.Script("chat.postMessage", FakeSlackApi.Dropped());

        Assert.IsType<SendOutcome.Sent>(await Client(host).PostMessageAsync("T1", "C1", "hello"));
        var calls = host.Api.CallsTo("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("hello", c.Str("text")));
    }

    [Fact]
    public async Task A_connection_that_keeps_dropping_ends_as_connection_failed()
    {
        await using var host = await StartAsync();
        host.Api.Script("users.info", Enumerable.Repeat(FakeSlackApi.Dropped(), 10).ToArray());

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client(host).GetUserAsync("T1", "U1"));

        Assert.Equal("connection_failed", error.Error);
        Assert.Equal(4, host.Api.CallsTo("users.info").Count);
    }

    [Fact]
    public async Task Every_retry_keeps_the_channels_pace()
    {
        // Backoff alone would retry within milliseconds; the channel's bucket refills once every 500 ms, so three
        // attempts span at least one refill interval.
        await using var host = await StartAsync(settings: new()
        {
            ["Slack:ChannelMessageInterval"] = "00:00:00.500",
            ["Slack:Retry:BaseDelay"] = "00:00:00.010",
        });
        host.Api.Script("chat.postMessage", FakeSlackApi.Status(502), FakeSlackApi.Status(502));

        Assert.IsType<SendOutcome.Sent>(await Client(host).PostMessageAsync("T1", "C1", "hello"));

        var calls = host.Api.CallsTo("chat.postMessage");
        Assert.Equal(3, calls.Count);
        Assert.True(calls[2].At - calls[0].At >= TimeSpan.FromSeconds(0.45), $"three attempts within {calls[2].At - calls[0].At}");
    }

    [Fact]
    public async Task PostMessage_is_paced_per_channel_but_not_across_channels()
    {
        await using var host = await StartAsync(settings: new() { ["Slack:ChannelMessageInterval"] = "00:00:00.400" });
        var client = Client(host);

        var sameChannel = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.PostMessageAsync("T1", "C1", $"m{i}")));
        sameChannel.Stop();
        var otherChannels = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.PostMessageAsync("T1", $"C{i + 10}", $"m{i}")));
        otherChannels.Stop();

        Assert.True(sameChannel.Elapsed >= TimeSpan.FromSeconds(1.1), $"4 messages to one channel took {sameChannel.Elapsed}");
        // Compared within the run, not against a fixed time: only the one channel's messages wait for each other.
        Assert.True(otherChannels.Elapsed < sameChannel.Elapsed * 0.8,
            $"4 messages to 4 channels took {otherChannels.Elapsed}, to one channel {sameChannel.Elapsed}");
    }

    [Fact]
    public async Task A_workspace_that_is_not_installed_is_never_called()
    {
        await using var host = await StartAsync();

        Assert.Equal(new SendOutcome.Failed("not_installed"), await Client(host).PostMessageAsync("T-unknown", "C1", "x"));
        Assert.Empty(host.Api.CallsTo("chat.postMessage"));
    }

    private static async Task<SlackTestHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var host = await SlackTestHost.StartAsync(settings: settings);
        await host.InstallAsync("T1", "xoxb-t1");
        return host;
    }

    private static SlackApiClient Client(SlackTestHost host) => host.Services.GetRequiredService<SlackApiClient>();
}
