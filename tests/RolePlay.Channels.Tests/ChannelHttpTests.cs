using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RolePlay.Channels.Tests;

/// <summary>The shared inbound steps on a real Kestrel bound to 127.0.0.1: one endpoint reads a bounded body, one
/// answers whether the caller is this machine.</summary>
public sealed class ChannelHttpTests : IAsyncLifetime
{
    private const long Limit = 64 * 1024;
    private WebApplication? _app;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/body", async (HttpContext c) =>
            await BoundedBody.ReadAsync(c.Request, Limit, c.RequestAborted) is { } body
                ? Results.Text(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body)) + ":" + body.Length)
                : Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        _app.MapGet("/caller", (HttpContext c) => LoopbackCaller.IsThisMachine(c) ? "local" : "remote");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(40_000)]
    [InlineData(Limit)]
    public async Task A_body_up_to_the_limit_arrives_whole(long length)
    {
        var bytes = Enumerable.Range(0, (int)length).Select(i => (byte)(i * 31)).ToArray();

        var response = await _client!.PostAsync("/body", new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)) + ":" + length, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused()
    {
        var response = await _client!.PostAsync("/body", new ByteArrayContent(new byte[Limit + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_that_runs_past_the_limit_is_refused()
    {
        var content = new StreamContent(new MemoryStream(new byte[Limit * 3]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/body") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client!.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_direct_loopback_caller_is_this_machine_and_a_forwarded_one_is_not()
    {
        Assert.Equal("local", await _client!.GetStringAsync("/caller"));
        // X-Original-For: what ASP.NET Core's forwarded-headers middleware leaves once it has believed a proxy.
        foreach (var header in new[] { "X-Forwarded-For", "Forwarded", "X-Original-For" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/caller");
            request.Headers.TryAddWithoutValidation(header, header == "Forwarded" ? "for=203.0.113.7" : "203.0.113.7");
            var response = await _client.SendAsync(request);
            Assert.Equal("remote", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>DNS rebinding: a page on another name reaches this machine's address, but says its own Host and Origin.</summary>
    [Theory]
    [InlineData("evil.example:5000", null, "remote")]
    [InlineData("rebound.attacker.test", null, "remote")]
    [InlineData(null, "http://evil.example:5000", "remote")]
    [InlineData(null, "null", "remote")]
    [InlineData("localhost:5000", "http://localhost:5000", "local")]
    [InlineData("127.0.0.1", "http://127.0.0.1:8080", "local")]
    [InlineData("[::1]:5000", "http://[::1]:5000", "local")]
    [InlineData("app.localhost", null, "local")]
    public async Task Only_a_loopback_host_and_origin_are_this_machine(string? host, string? origin, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/caller");
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        var response = await _client!.SendAsync(request);

        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:10.0.0.5", false)]
    [InlineData("10.0.0.5", false)]
    [InlineData("203.0.113.7", false)]
    public void Loopback_includes_IPv4_loopback_seen_through_an_IPv6_socket(string address, bool loopback)
    {
        Assert.Equal(loopback, LoopbackCaller.IsLoopback(IPAddress.Parse(address)));
    }

    [Fact]
    public void No_address_is_not_this_machine()
    {
        Assert.False(LoopbackCaller.IsLoopback(null));
        Assert.False(LoopbackCaller.IsThisMachine(new DefaultHttpContext()));
    }
}
