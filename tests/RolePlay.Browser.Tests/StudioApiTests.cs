using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlay.AdaptiveCards;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Chat;
using RolePlay.Core.Consent;
using RolePlay.Core.Routing;
using RolePlay.Studio.Http;

namespace RolePlay.Browser.Tests;

/// <summary>The studio's JSON and event stream as a page sees them, without a browser.</summary>
public sealed class StudioApiTests : IAsyncLifetime
{
    private StudioServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await StudioServer.StartAsync();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _server.BaseUri };
        _http.DefaultRequestHeaders.Add(StudioRequests.AntiforgeryHeader, "1");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Cards_reach_the_page_as_the_exact_Adaptive_Card_JSON_Teams_gets()
    {
        using var joined = await _http.PostAsJsonAsync("/studio/api/people", new { name = "Ana" });
        var body = await joined.Content.ReadFromJsonAsync<JsonObject>();

        var card = body!["entries"]![0]!["card"]!;
        Assert.True(JsonNode.DeepEquals(AdaptiveCardRenderer.Render(ConsentCards.Welcome(onPage: true)), card), card.ToJsonString());
        Assert.Equal("welcome", body["entries"]![0]!["cardId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_card_acted_on_is_replaced_in_place_and_the_stream_resumes_after_the_last_event_it_sent()
    {
        using var joined = await _http.PostAsJsonAsync("/studio/api/people", new { name = "Ana" });
        joined.EnsureSuccessStatusCode();
        using var optIn = await _http.PostAsJsonAsync("/studio/api/submit", new { verb = CardVerbs.OptIn, values = new { }, cardSeq = 1 });
        var answer = await optIn.Content.ReadFromJsonAsync<JsonObject>();

        // The welcome card (message 1) became an acknowledgement; the picker followed as new messages.
        var replaced = answer!["entries"]!.AsArray().Single(e => e!["seq"]!.GetValue<long>() == 1)!;
        Assert.Equal(2, replaced["version"]!.GetValue<long>());
        Assert.Equal("welcome", replaced["cardId"]!.GetValue<string>());
        Assert.Contains("Welcome!", replaced["card"]!.ToJsonString(), StringComparison.Ordinal);

        var shown = (await _http.GetFromJsonAsync<JsonObject>("/studio/api/conversation"))!["entries"]!.AsArray().Count;
        var all = await ReadEventsAsync(lastEventId: null, count: 1 + shown);
        Assert.Equal("ready", all[0].Event);
        var versions = all.Skip(1).Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, versions.Count); // the acknowledged welcome card, the confirmation, the scenario picker
        Assert.Equal(versions.Order(), versions);
        var resumed = await ReadEventsAsync(lastEventId: versions[1], count: 1 + versions.Count(v => v > versions[1]));
        Assert.All(resumed.Skip(1), e => Assert.True(long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture) > versions[1]));
        Assert.Equal(versions.Count(v => v > versions[1]), resumed.Count - 1);
    }

    private sealed record ServerEvent(string Event, string? Id, string Data);

    /// <summary>Reads the first <paramref name="count"/> events of the stream, as EventSource would after a reconnect.</summary>
    private async Task<List<ServerEvent>> ReadEventsAsync(long? lastEventId, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/studio/api/events", UriKind.Relative));
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<ServerEvent>();
        string? name = null, eventId = null, data = null;
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    events.Add(new ServerEvent(name ?? "message", eventId, data));
                }

                (name, eventId, data) = (null, null, null);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                eventId = line["id: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
                Assert.NotNull(JsonDocument.Parse(data));
            }
        }

        return events;
    }
}
