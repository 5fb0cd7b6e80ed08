using System.Text;
using System.Text.Json.Nodes;
using RolePlay.Slack.Tests.Infrastructure;
using RolePlay.Testing;

namespace RolePlay.Slack.Tests;

/// <summary>Replays every real Slack payload in ../shared/payloads/slack, signed, to the endpoint Slack would send it to
/// (the Socket Mode envelope through the socket client): each is acknowledged 2xx within 3 s, never 5xx.</summary>
public sealed class PayloadReplayTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in SharedFolder.FileNames("payloads", "slack"))
        {
            data.Add(file);
        }

        if (data.Count == 0)
        {
            data.Add("(no shared payloads here)");
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public async Task Every_real_payload_is_acknowledged_in_time(string file)
    {
        var root = SharedFolder.Require();
        var path = Path.Combine(root, "payloads", "slack", file);
        var raw = await File.ReadAllBytesAsync(path);
        if (file.StartsWith("socket_mode_envelope_", StringComparison.Ordinal))
        {
            await ReplayOverSocketAsync(Encoding.UTF8.GetString(raw));
            return;
        }

        await using var host = await SlackTestHost.StartAsync();
        await host.InstallAsync("T111", "xoxb-t111", "U111");
        await host.InstallAsync("E111", "xoxb-e111", "U111");
        var (endpoint, body, contentType) = file switch
        {
            _ when file.StartsWith("event_", StringComparison.Ordinal) => (SlackEndpoints.EventsPath, raw, "application/json"),
            _ when file.StartsWith("command_", StringComparison.Ordinal) => (SlackEndpoints.CommandsPath, raw, "application/x-www-form-urlencoded"),
            _ when file.EndsWith(".txt", StringComparison.Ordinal) => (SlackEndpoints.InteractionsPath, raw, "application/x-www-form-urlencoded"),
            _ => (SlackEndpoints.InteractionsPath, SlackTestHost.FormPayload(Encoding.UTF8.GetString(raw)), "application/x-www-form-urlencoded"),
        };

        var response = await host.PostSignedAsync(endpoint, body, contentType);

        Assert.InRange(response.Status, 200, 299);
        Assert.True(response.Elapsed < TimeSpan.FromSeconds(3), $"{file} acknowledged after {response.Elapsed}");
        await host.DrainAsync();
        Assert.Empty(host.Logs.Errors);
    }

    private static async Task ReplayOverSocketAsync(string envelope)
    {
        var api = await FakeSlackApi.StartAsync();
        api.SocketScripts.Enqueue(["{\"type\":\"hello\"}", JsonNode.Parse(envelope)!.ToJsonString()]);
        await using var host = await SlackTestHost.StartAsync(api, new() { ["Slack:AppToken"] = "xapp-test" });
        var id = JsonNode.Parse(envelope)!["envelope_id"]!.GetValue<string>();

        var deadline = DateTimeOffset.UtcNow.AddSeconds(3);
        while (api.SocketAcks.IsEmpty && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(id, JsonNode.Parse(Assert.Single(api.SocketAcks))!["envelope_id"]!.GetValue<string>());
    }
}
