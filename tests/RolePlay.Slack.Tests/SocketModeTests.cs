using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Chat;
using RolePlay.Slack.Tests.Infrastructure;

namespace RolePlay.Slack.Tests;

public sealed class SocketModeTests
{
    [Fact]
    public async Task Envelopes_are_acked_dispatched_through_the_pipeline_and_a_disconnect_reconnects()
    {
        var api = await FakeSlackApi.StartAsync();
        api.Tokens["xoxb-t1"] = "T1";
        var dm = new JsonObject
        {
            ["envelope_id"] = "env-1", ["type"] = "events_api", ["accepts_response_payload"] = false,
            ["payload"] = Payloads.Event(Payloads.DirectMessage("over the socket")),
        };
        var command = new JsonObject
        {
            ["envelope_id"] = "env-2", ["type"] = "slash_commands", ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject { ["team_id"] = "T1", ["channel_id"] = "C1", ["user_id"] = "U1", ["command"] = "/practice", ["text"] = "pause" },
        };
        api.SocketScripts.Enqueue(["{\"type\":\"hello\"}", dm.ToJsonString(), command.ToJsonString(), "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\"}"]);
        api.SocketScripts.Enqueue(["{\"type\":\"hello\"}"]);
        // The router answers from the start: the socket may deliver the command as soon as the host runs.
        var router = new RecordingRouter
        {
            Answer = e => e is MessageReceived { Text: "/practice pause" } ? new RouterResult([new TextOut("Paused")]) : RouterResult.Nothing,
        };
        await using var host = await SlackTestHost.StartAsync(api, new() { ["Slack:AppToken"] = "xapp-1-test" },
            configure: s => s.AddSingleton<IConversationRouter>(router));
        await host.InstallAsync("T1", "xoxb-t1");

        // Both are U1's, so they share a work-queue lane and reach the router in the order the socket delivered them.
        await host.Router.WaitForAsync<MessageReceived>(2);
        Assert.Equal(["over the socket", "/practice pause"], host.Router.Events.OfType<MessageReceived>().Select(m => m.Text));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while ((api.SocketConnections < 2 || api.SocketAcks.Count < 2) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var acks = api.SocketAcks.Select(a => JsonNode.Parse(a)!).ToList();
        Assert.Equal(["env-1", "env-2"], acks.Select(a => a["envelope_id"]!.GetValue<string>()).Order());
        Assert.Equal("Paused", acks.Single(a => a["envelope_id"]!.GetValue<string>() == "env-2")["payload"]!["text"]!.GetValue<string>());
        Assert.Equal(2, api.SocketConnections);
        Assert.All(api.CallsTo("apps.connections.open"), c => Assert.Equal("Bearer xapp-1-test", c.Authorization));
    }
}
