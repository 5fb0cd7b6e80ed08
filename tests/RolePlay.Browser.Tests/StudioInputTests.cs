using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Studio;
using RolePlay.Studio.Http;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests;

/// <summary>Every studio request is checked before it reaches the router, and a refusal says what to change; the page
/// never loses what the person typed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioInputTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private StudioServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await StudioServer.StartAsync();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _server.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("{\"text\": ", "application/json", HttpStatusCode.BadRequest, "not the JSON this endpoint takes")]
    [InlineData("{\"txt\": \"hello\"}", "application/json", HttpStatusCode.BadRequest, "'txt' could not be mapped")]
    [InlineData("{}", "application/json", HttpStatusCode.BadRequest, "missing required properties")]
    [InlineData("{\"text\": 42}", "application/json", HttpStatusCode.BadRequest, "not the JSON this endpoint takes")]
    [InlineData("{\"text\": \"   \"}", "application/json", HttpStatusCode.BadRequest, "Type a message first.")]
    [InlineData("text=hello", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "must be JSON")]
    public async Task Malformed_messages_are_refused_with_problem_details(string body, string contentType, HttpStatusCode status, string says)
    {
        await JoinAsync();

        using var response = await PostAsync("/studio/api/messages", new StringContent(body, Encoding.UTF8, contentType));

        await AssertProblemAsync(response, status, says);
    }

    [Fact]
    public async Task Oversized_bodies_long_messages_and_bad_card_verbs_are_refused()
    {
        await JoinAsync();
        using var huge = await PostAsync("/studio/api/messages", Json(new { text = new string('a', 20_000) }));
        await AssertProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge, "at most 16 KB");
        using var longText = await PostAsync("/studio/api/messages", Json(new { text = new string('a', 2001) }));
        await AssertProblemAsync(longText, HttpStatusCode.BadRequest, "at most 2000 characters");
        using var verb = await PostAsync("/studio/api/submit", Json(new { verb = "<script>", values = new { } }));
        await AssertProblemAsync(verb, HttpStatusCode.BadRequest, "card verb");
        using var values = await PostAsync("/studio/api/submit", Json(new { verb = "practice.start", values = new { scenario = 7 } }));
        await AssertProblemAsync(values, HttpStatusCode.BadRequest, "not the JSON this endpoint takes");
        using var nullValue = await PostAsync("/studio/api/submit", new StringContent(
            """{"verb":"practice.start","values":{"scenario":"late-delivery-birthday","intensity":null}}""", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(nullValue, HttpStatusCode.BadRequest, "null is not a value");
        using var nullText = await PostAsync("/studio/api/messages", new StringContent("""{"text":null}""", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(nullText, HttpStatusCode.BadRequest, "not the JSON this endpoint takes");
        using var nudge = await PostAsync("/studio/api/facilitate/nudge", Json(new { learner = "x", kind = "fireworks", text = "boom" }));
        await AssertProblemAsync(nudge, HttpStatusCode.BadRequest, "cue, outage or goal");
        using var nobody = await PostAsync("/studio/api/facilitate/nudge", Json(new { learner = "nobody", kind = "cue", text = "Name the feeling" }));
        await AssertProblemAsync(nobody, HttpStatusCode.Conflict, "no practice going");
    }

    [Fact]
    public async Task Writes_without_the_antiforgery_header_or_from_another_origin_are_forbidden()
    {
        await JoinAsync();
        using var bare = await _http.PostAsync(new Uri("/studio/api/messages", UriKind.Relative), Json(new { text = "hello" }));
        await AssertProblemAsync(bare, HttpStatusCode.Forbidden, "X-RolePlay-Studio");

        using var request = Request("/studio/api/messages", Json(new { text = "hello" }));
        request.Headers.Add("Origin", "http://evil.example");
        using var crossOrigin = await _http.SendAsync(request);
        // In local mode the host's loopback rule refuses a foreign origin before the studio's write checks run (DNS
        // rebinding).
        Assert.Equal(HttpStatusCode.Forbidden, crossOrigin.StatusCode);
    }

    [Fact]
    public async Task Without_a_person_the_studio_asks_for_a_name_and_a_forged_cookie_is_not_a_person()
    {
        using var anonymous = await PostAsync("/studio/api/messages", Json(new { text = "hello" }));
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "Tell the studio your name first");

        using var forged = Request("/studio/api/messages", Json(new { text = "hello" }));
        forged.Headers.Add("Cookie", $"{StudioIdentity.CookieName}=local-someone-else");
        using var refused = await _http.SendAsync(forged);
        await AssertProblemAsync(refused, HttpStatusCode.Unauthorized, "Tell the studio your name first");

        using var noName = await PostAsync("/studio/api/people", Json(new { name = " " }));
        await AssertProblemAsync(noName, HttpStatusCode.BadRequest, "a first name is enough");
    }

    [Fact]
    public async Task The_session_cookie_is_signed_HttpOnly_and_SameSite_strict()
    {
        using var response = await PostAsync("/studio/api/people", Json(new { name = "Ria" }));
        response.EnsureSuccessStatusCode();
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(StudioIdentity.CookieName + "=CfDJ8", cookie, StringComparison.Ordinal); // a Data Protection payload
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("local-", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_local_mode_only_loopback_callers_are_answered()
    {
        var filter = new LoopbackOnly(Options.Create(new StudioOptions { LocalMode = true }));
        var remote = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("10.1.2.3") } };
        var mapped = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("::ffff:127.0.0.1") } };
        mapped.Request.Host = new HostString("127.0.0.1", 5000);
        var rebound = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Loopback } };
        rebound.Request.Host = new HostString("evil.example", 5000);

        var refused = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(remote), _ => ValueTask.FromResult<object?>("served"));
        var served = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(mapped), _ => ValueTask.FromResult<object?>("served"));
        var reboundRefused = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(rebound), _ => ValueTask.FromResult<object?>("served"));
        var deployed = await new LoopbackOnly(Options.Create(new StudioOptions { LocalMode = false }))
            .InvokeAsync(new DefaultEndpointFilterInvocationContext(remote), _ => ValueTask.FromResult<object?>("served"));

        var problem = Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused);
        Assert.Equal(StatusCodes.Status403Forbidden, problem.StatusCode);
        Assert.Equal("served", served);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsAssignableFrom<IStatusCodeHttpResult>(reboundRefused).StatusCode);
        Assert.Equal("served", deployed); // deployed mode: the host's sign-in decides
        using var loopback = await _http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
    }

    [SkippableFact]
    public async Task A_refused_or_failed_message_stays_in_the_box_with_the_reason_beside_it()
    {
        await using var context = await browser.NewContextAsync();
        var studio = await StudioPage.OpenAsync(context, _server);
        var page = studio.Page;

        // An empty name is refused on the page, and the reason is announced.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start practising" }).ClickAsync();
        await Assertions.Expect(page.Locator("#join-error")).ToContainTextAsync("a first name is enough");
        await studio.JoinAsync("Lee");

        // The bot goes away mid-practice: the typed words stay, with the reason in an alert.
        await studio.StartAsync("refund-outside-policy", "medium");
        await _server.StopAsync();
        const string typed = "I hear how frustrating this is. Let me see what I can do.";
        await studio.Message.FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#message-error")).ToContainTextAsync("cannot be reached");
        await Assertions.Expect(studio.Message).ToHaveValueAsync(typed);
        await Assertions.Expect(studio.Entries("you")).ToHaveCountAsync(0);
        await Artifacts.ScreenshotAsync(page, "studio-message-kept-on-error", output);
    }

    private async Task JoinAsync()
    {
        using var response = await PostAsync("/studio/api/people", Json(new { name = "Test" }));
        response.EnsureSuccessStatusCode();
    }

    private Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => _http.SendAsync(Request(path, content));

    private static HttpRequestMessage Request(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add(StudioRequests.AntiforgeryHeader, "1");
        return request;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string says)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
