using System.Globalization;
using System.Text;
using RolePlay.Slack.Tests.Infrastructure;

namespace RolePlay.Slack.Tests;

/// <summary>Every request that is not signed by Slack right now, for exactly this body, is refused before anything is
/// parsed, queued or routed; malformed signed bodies are 4xx, never 5xx.</summary>
public sealed class RequestVerificationTests : IAsyncLifetime
{
    private static readonly byte[] EventBody = Encoding.UTF8.GetBytes(
        Payloads.Event(Payloads.DirectMessage("forged"), eventId: "EvForged").ToJsonString());

    private static readonly byte[] CommandBody = Encoding.UTF8.GetBytes(
        "team_id=T1&channel_id=C1&user_id=U1&command=%2Fpractice&text=start&trigger_id=t");

    private static readonly byte[] InteractionBody = SlackTestHost.FormPayload(
        """{"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"action_id":"practice.start","value":"{}"}]}""");

    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync();
        await _host.InstallAsync("T1", "xoxb-t1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> BadSignatures()
    {
        var data = new TheoryData<string, string>();
        string[] paths = [SlackEndpoints.EventsPath, SlackEndpoints.CommandsPath, SlackEndpoints.InteractionsPath];
        string[] cases =
        [
            "forged", "stale", "future", "other-body", "tampered-body", "missing-signature", "missing-timestamp", "v1-version",
            "non-hex", "truncated", "uppercase-prefix", "empty-signature", "non-numeric-timestamp", "other-secret",
        ];
        foreach (var path in paths)
        {
            foreach (var name in cases)
            {
                data.Add(path, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Badly_signed_requests_are_401_and_nothing_reaches_the_router(string path, string attack)
    {
        var body = path == SlackEndpoints.EventsPath ? EventBody : path == SlackEndpoints.CommandsPath ? CommandBody : InteractionBody;
        var contentType = path == SlackEndpoints.EventsPath ? "application/json" : "application/x-www-form-urlencoded";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string Ts(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);
        var good = SlackTestHost.Sign(Ts(now), body);
        var headers = attack switch
        {
            "forged" => Headers(Ts(now), "v0=" + new string('a', 64)),
            "stale" => Headers(Ts(now - 301), SlackTestHost.Sign(Ts(now - 301), body)),
            // A future stamp comes closer to the window as the test runs: 330 s stays outside it on a slow run too.
            "future" => Headers(Ts(now + 330), SlackTestHost.Sign(Ts(now + 330), body)),
            "other-body" => Headers(Ts(now), SlackTestHost.Sign(Ts(now), Encoding.UTF8.GetBytes("{\"type\":\"event_callback\"}"))),
            "tampered-body" => Headers(Ts(now), good),
            "missing-signature" => new Dictionary<string, string> { ["X-Slack-Request-Timestamp"] = Ts(now) },
            "missing-timestamp" => new Dictionary<string, string> { ["X-Slack-Signature"] = good },
            "v1-version" => Headers(Ts(now), "v1=" + good[3..]),
            "non-hex" => Headers(Ts(now), "v0=" + new string('z', 64)),
            "truncated" => Headers(Ts(now), good[..^2]),
            "uppercase-prefix" => Headers(Ts(now), "V0=" + good[3..]),
            "empty-signature" => Headers(Ts(now), ""),
            "non-numeric-timestamp" => Headers("now", good),
            "other-secret" => Headers(Ts(now), new Inbound.SlackSignatureVerifier("not-the-secret", TimeProvider.System).Sign(Ts(now), body)),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };
        var sent = attack == "tampered-body" ? [.. body, (byte)' '] : body;

        var response = await _host.PostRawAsync(path, sent, contentType, headers);

        Assert.Equal(401, response.Status);
        await Task.Delay(50);
        Assert.Empty(_host.Router.Events);
        Assert.Empty(_host.Api.Calls);
    }

    [Fact]
    public async Task A_signed_body_replayed_after_five_minutes_is_refused()
    {
        var stale = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var response = await _host.PostRawAsync(SlackEndpoints.EventsPath, EventBody, "application/json", Headers(stale, SlackTestHost.Sign(stale, EventBody)));

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"event_callback\",\"pad\":\"" + new string('x', SlackEndpoints.MaxBodyBytes) + "\"}");

        var response = await _host.PostSignedAsync(SlackEndpoints.EventsPath, body, "application/json");

        Assert.Equal(413, response.Status);
    }

    public static TheoryData<string, string, string> MalformedBodies() => new()
    {
        { SlackEndpoints.EventsPath, "application/json", "{not json" },
        { SlackEndpoints.EventsPath, "application/json", "[1,2,3]" },
        { SlackEndpoints.EventsPath, "application/json", "{\"type\":\"event_callback\"}" },
        { SlackEndpoints.EventsPath, "application/json", "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"},\"team_id\":\"T1\"}" },
        { SlackEndpoints.EventsPath, "application/json", "{\"type\":\"url_verification\"}" },
        { SlackEndpoints.EventsPath, "application/json", "{\"type\":\"\\ud800\"}" },
        { SlackEndpoints.EventsPath, "application/json",
            "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\",\"channel\":\"D1\",\"text\":\"hi \\udc00\",\"ts\":\"1.2\"}}" },
        { SlackEndpoints.EventsPath, "application/json", "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"\\ud800\":1}" },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%ZZbad" },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "nopayload=1" },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%7Bnot+json" },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%5B%5D" },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%7B%22type%22%3A%22block_actions%22%7D" },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%E0%A4" },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=" + Uri.EscapeDataString("{\"type\":\"\\ud800\",\"user\":{\"id\":\"U1\"}}") },
        { SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "command=%2Fpractice&text=%" },
        { SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "text=hello" },
        { SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "team_id=T1&command=%C3%28" },
        { SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "team_id=T1&command=%2Fpractice&user_id=" + new string('U', 5000) + "&channel_id=C1" },
        { SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "team_id=T1%0A&command=%2Fpractice&user_id=U1&channel_id=C1" },
        { SlackEndpoints.EventsPath, "application/json",
            "{\"type\":\"event_callback\",\"team_id\":\"" + new string('T', 300) + "\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"user\":\"U1\"}}" },
        { SlackEndpoints.EventsPath, "application/json",
            "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"user\":\"U 1\"}}" },
        { SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"U1\\u0000\"}}") },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Signed_but_malformed_bodies_are_400_never_5xx(string path, string contentType, string body)
    {
        var response = await _host.PostSignedAsync(path, Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(400, response.Status);
        Assert.Empty(_host.Router.Events);
    }

    [Theory]
    [InlineData(SlackEndpoints.EventsPath)]
    [InlineData(SlackEndpoints.InteractionsPath)]
    public async Task Bytes_that_are_not_utf8_are_400(string path)
    {
        byte[] body = path == SlackEndpoints.EventsPath ? [.. "{\"type\":\""u8, 0xC3, 0x28, .. "\"}"u8] : [.. "payload="u8, 0xFF, 0xFE];

        var response = await _host.PostSignedAsync(path, body, path == SlackEndpoints.EventsPath ? "application/json" : "application/x-www-form-urlencoded");

        Assert.Equal(400, response.Status);
    }

    [Theory]
    [InlineData("/api/slack/events", "ssl_check=1&token=x")]
    [InlineData("/api/slack/interactions", "ssl_check=1&token=x")]
    [InlineData("/api/slack/commands", "command=%2Fpractice&text=hi%26ssl_check%3D1&team_id=T1&user_id=U1")]
    [InlineData("/api/slack/commands", "command=%2Fpractice&text=x&ssl_check=0")]
    public async Task Only_a_real_ssl_check_on_the_commands_url_skips_the_signature(string path, string body)
    {
        var response = await _host.PostRawAsync(path, Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded", new Dictionary<string, string>());

        Assert.Equal(401, response.Status);
        Assert.Empty(_host.Router.Events);
    }

    [Fact]
    public async Task Ssl_check_is_answered_without_a_signature()
    {
        var response = await _host.PostRawAsync(SlackEndpoints.CommandsPath, "ssl_check=1&token=x"u8.ToArray(), "application/x-www-form-urlencoded",
            new Dictionary<string, string>());

        Assert.Equal(200, response.Status);
        Assert.Empty(_host.Router.Events);
    }

    [Fact]
    public async Task The_ack_path_answers_well_within_three_seconds_even_when_the_router_is_slow()
    {
        _host.Router.Delay = TimeSpan.FromSeconds(5);

        var response = await _host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("slow")));

        Assert.Equal(200, response.Status);
        Assert.True(response.Elapsed < TimeSpan.FromSeconds(1), $"ack took {response.Elapsed}");
    }

    private static Dictionary<string, string> Headers(string timestamp, string signature) => new()
    {
        ["X-Slack-Request-Timestamp"] = timestamp,
        ["X-Slack-Signature"] = signature,
    };
}
