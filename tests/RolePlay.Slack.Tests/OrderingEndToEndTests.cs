using System.Collections.Concurrent;
using RolePlay.Core.Chat;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Tests.Infrastructure;

namespace RolePlay.Slack.Tests;

/// <summary>The Slack ordering promise over signed HTTP on loopback: one person's requests of every kind reach the router
/// one at a time and in order; different people (in different work-queue lanes) run side by side.</summary>
public sealed class OrderingEndToEndTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _timeline = new();
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync();
        await _host.InstallAsync("T1", "xoxb-t1");
        // The command is held in the router until the test releases it.
        _host.Router.Hold = async e =>
        {
            var name = e is MessageReceived message ? $"{message.From.UserId}:{message.Text}" : e.GetType().Name;
            _timeline.Enqueue("start " + name);
            if (name.EndsWith("/practice pause", StringComparison.Ordinal))
            {
                await _release.Task;
            }

            _timeline.Enqueue("end " + name);
        };
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_dm_sent_while_the_same_persons_slash_command_is_routing_waits_for_it()
    {
        var command = _host.PostCommandAsync(Payloads.Command("pause"));
        await _host.Router.WaitForAsync<MessageReceived>();

        var dm = await _host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("after the command")));
        Assert.Equal(200, dm.Status);
        await Task.Delay(400);
        Assert.Equal(["start U1:/practice pause"], _timeline);

        _release.SetResult();
        Assert.Equal(200, (await command).Status);
        await _host.Router.WaitForAsync<MessageReceived>(2);
        await _host.DrainAsync();
        Assert.Equal(["start U1:/practice pause", "end U1:/practice pause", "start U1:after the command", "end U1:after the command"], _timeline);
    }

    [Fact]
    public async Task Another_persons_dm_is_routed_while_a_slash_command_is_held()
    {
        var other = Enumerable.Range(2, 50).Select(i => $"U{i}")
            .First(u => SlackWorkQueue.LaneOf($"T1|{u}") != SlackWorkQueue.LaneOf("T1|U1"));
        var command = _host.PostCommandAsync(Payloads.Command("pause"));
        await _host.Router.WaitForAsync<MessageReceived>();

        await _host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("meanwhile", user: other, channel: "D2")));

        await _host.Router.WaitForAsync<MessageReceived>(2);
        Assert.DoesNotContain("end U1:/practice pause", _timeline);
        Assert.Contains($"end {other}:meanwhile", _timeline);
        _release.SetResult();
        Assert.Equal(200, (await command).Status);
    }
}
