using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Core.Chat;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Tests.Infrastructure;

namespace RolePlay.Slack.Tests;

public sealed class PipelineUnitTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"type\":\"event_callback\"}");

    [Theory]
    [InlineData("{\"session\":\"s-1\"}", 1)]
    [InlineData("{\"session\":\"\\ud800\"}", 0)]
    [InlineData("{\"\\udc00\":\"s-1\"}", 0)]
    [InlineData("{not json", 0)]
    public void Private_metadata_that_cannot_be_read_is_no_metadata(string json, int count)
    {
        Assert.Equal(count, SlackFormValues.Metadata(json).Count);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void Signatures_are_accepted_within_five_minutes_either_side(int skewSeconds, bool valid)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var verifier = new SlackSignatureVerifier("secret", time);
        var timestamp = (time.GetUtcNow().ToUnixTimeSeconds() + skewSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(valid, verifier.IsValid(timestamp, verifier.Sign(timestamp, Body), Body));
    }

    [Fact]
    public void The_signature_matches_slacks_documented_example()
    {
        // docs.slack.dev "Verifying requests from Slack" worked example.
        const string secret = "8f742231b10e8888abcd99yyyzzz85a5";
        const string timestamp = "1531420618";
        var body = Encoding.UTF8.GetBytes("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618));

        Assert.True(new SlackSignatureVerifier(secret, time).IsValid(timestamp,
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body));
    }

    [Fact]
    public async Task Shutdown_finishes_the_work_already_acknowledged()
    {
        var host = await SlackTestHost.StartAsync();
        await using var _ = host;
        await host.InstallAsync("T1", "xoxb-t1");
        host.Router.Delay = TimeSpan.FromMilliseconds(700);
        host.Router.Answer = _ => new RouterResult([new TextOut("still delivered")]);

        Assert.Equal(200, (await host.PostEventAsync(Payloads.Event(Payloads.DirectMessage("just before shutdown")))).Status);
        await host.Router.WaitForAsync<MessageReceived>();
        await host.StopAsync();

        Assert.Equal("still delivered", Assert.Single(host.Api.CallsTo("chat.postMessage")).Str("text"));
    }

    [Fact]
    public async Task The_route_table_is_exactly_the_declared_slack_routes()
    {
        await using var host = await SlackTestHost.StartAsync();

        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Order();

        Assert.Equal(SlackEndpoints.Routes.Order(), routes);
    }
}
