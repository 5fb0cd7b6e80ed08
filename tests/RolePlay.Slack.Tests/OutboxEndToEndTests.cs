using Microsoft.Extensions.Logging;
using RolePlay.Core.Chat;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Tests.Infrastructure;
using RolePlay.Testing.Slack;

namespace RolePlay.Slack.Tests;

/// <summary>Replies leave through the conversation outbox: a person's lane never waits on Slack's pace, and a reply the
/// connection kept dropping is sent later instead of being lost.</summary>
public sealed class OutboxEndToEndTests
{
    [Fact]
    public async Task One_persons_paced_replies_never_hold_up_the_next_person_in_the_same_lane()
    {
        // Slack's own pace: one message a second per channel.
        await using var host = await SlackTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Slack:ChannelMessageInterval"] = "00:00:01" });
        await host.InstallAsync("T1", "xoxb-t1");
        var sameLane = Enumerable.Range(2, 200).Select(i => $"U{i}").First(u => SlackWorkQueue.LaneOf($"T1|{u}") == SlackWorkQueue.LaneOf("T1|U1"));
        host.Router.Answer = e => e.From.UserId == "U1"
            ? new RouterResult([new TextOut("one"), new TextOut("two"), new TextOut("three")])
            : new RouterResult([new TextOut("hello " + e.From.UserId)]);

        await host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("start", user: "U1", channel: "D1")));
        await host.Api.WaitForCallAsync("chat.postMessage");
        await host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("start", user: sameLane, channel: "D9")));
        await host.Api.WaitForCallAsync("chat.postMessage", 4, TimeSpan.FromSeconds(10));

        var posts = host.Api.CallsTo("chat.postMessage").Select(c => c.Str("text")).ToList();
        // The second person's reply went out while the first person's channel was still waiting out its pace.
        Assert.True(posts.IndexOf("hello " + sameLane) < posts.IndexOf("three"), string.Join(" | ", posts));
        Assert.Equal(["one", "two", "three"], posts.Where(p => !p!.StartsWith("hello", StringComparison.Ordinal)));
        var ones = host.Api.CallsTo("chat.postMessage").Where(c => c.Str("channel") == "D1").Select(c => c.At).ToList();
        Assert.True(ones[2] - ones[0] >= TimeSpan.FromSeconds(1.9), "the first person's channel kept its pace");
    }

    [Fact]
    public async Task A_reply_whose_connection_dropped_past_the_clients_retries_is_sent_later_not_lost()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.InstallAsync("T1", "xoxb-t1");
        host.Router.Answer = _ => new RouterResult([new TextOut("your customer is waiting")]);
        // Four dropped attempts exhaust the client's own retries; the outbox tries again a second later.
        host.Api.Script("chat.postMessage", FakeSlackApi.Dropped(), FakeSlackApi.Dropped(), FakeSlackApi.Dropped(), FakeSlackApi.Dropped(),
            FakeSlackApi.Dropped());

        await host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("start")));
        await host.DrainAsync();

        var posts = host.Api.CallsTo("chat.postMessage");
        Assert.Equal(6, posts.Count);
        Assert.All(posts, p => Assert.Equal("your customer is waiting", p.Str("text")));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("trying again", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error && e.Category.StartsWith("RolePlay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_refused_for_good_is_not_tried_again()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.InstallAsync("T1", "xoxb-t1");
        host.Router.Answer = _ => new RouterResult([new TextOut("hi")]);
        host.Api.Script("chat.postMessage", FakeSlackApi.Error("channel_not_found"));

        await host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("start"), eventId: "EvRefused01"));
        await host.DrainAsync();

        Assert.Single(host.Api.CallsTo("chat.postMessage"));
        // Logged from the outbox, long after the request: still in that request's scope.
        var refusal = Assert.Single(host.Logs.Entries, e => e.Message.Contains("channel_not_found", StringComparison.Ordinal));
        Assert.Equal(("slack", "T1", "EvRefused01"), (refusal.Scoped("Platform"), refusal.Scoped("Tenant"), refusal.Scoped("EventId")));
    }
}
