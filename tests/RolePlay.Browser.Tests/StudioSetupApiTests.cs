using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Storage;
using RolePlay.Studio.Http;

namespace RolePlay.Browser.Tests;

/// <summary>The studio's team page and practice time as JSON: what each route refuses, with the sentence the page shows,
/// and that an invite lets in only to its own team of its own tenant.</summary>
public sealed class StudioSetupApiTests : IAsyncLifetime
{
    private StudioServer _server = null!;

    public async Task InitializeAsync() => _server = await StudioServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_favicon_is_served_to_anyone()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUri };
        using var icon = await http.GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_is_made_only_from_a_valid_form_and_only_its_manager_changes_it()
    {
        using var ana = Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await ana.GetAsync(new Uri("/studio/api/team", UriKind.Relative))).StatusCode);
        await JoinAsync(ana, "Ana");

        await RefusedAsync(ana.PostAsJsonAsync("/studio/api/team", new { name = "  ", timeZone = "Europe/Dublin" }), 400, "Give the team a name.");
        await RefusedAsync(ana.PostAsJsonAsync("/studio/api/team", new { name = "Night shift", timeZone = "Mars/Olympus" }), 400,
            "Choose the team's time zone");
        await RefusedAsync(ana.PostAsJsonAsync("/studio/api/team", new { name = new string('n', 61), timeZone = "Europe/Dublin" }), 400,
            "60 characters");
        var team = await OkAsync(ana.PostAsJsonAsync("/studio/api/team", new { name = "Night shift", timeZone = "europe/dublin", values = new[] { "Listen first", "listen first", "" } }));
        Assert.Equal("Europe/Dublin", team["timeZone"]!.GetValue<string>());
        Assert.Equal(["Listen first"], team["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(team["isManager"]!.GetValue<bool>());
        Assert.False(team["connectable"]!.GetValue<bool>()); // local studio people have no Teams or Slack channel

        using var ben = Client();
        await JoinAsync(ben, "Ben");
        await OkAsync(ben.PostAsJsonAsync("/studio/api/invites/accept", new { invite = team["invite"]!.GetValue<string>() }));
        await RefusedAsync(ben.PutAsJsonAsync("/studio/api/team", new { name = "Ben's shift", timeZone = "Europe/Dublin" }), 403,
            "Ask your team's manager");
        var mine = (await ben.GetFromJsonAsync<JsonObject>("/studio/api/team"))!["team"]!;
        Assert.Null(mine["invite"]);
        Assert.Equal(2, mine["members"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_customers_voice_is_a_managers_choice_and_the_model_is_offered_only_where_one_is_configured()
    {
        using var ana = Client();
        await JoinAsync(ana, "Ana");
        await RefusedAsync(ana.PutAsJsonAsync("/studio/api/team/voice", new { voice = "model" }), 403, "Ask your team's manager");
        var team = await OkAsync(ana.PostAsJsonAsync("/studio/api/team", new { name = "Night shift", timeZone = "Europe/Dublin" }));
        var voice = team["voice"]!;
        Assert.Equal(("rule", false), (voice["kind"]!.GetValue<string>(), voice["offered"]!.GetValue<bool>()));

        // This server has no model configured: choosing one says so, and the team keeps the rule voice.
        await RefusedAsync(ana.PutAsJsonAsync("/studio/api/team/voice", new { voice = "model" }), 400,
            "This deployment has no language model configured (PersonaVoice:*)");
        await RefusedAsync(ana.PutAsJsonAsync("/studio/api/team/voice", new { voice = "loud" }), 400, "Choose “rule” or “model”");
        await RefusedAsync(ana.PutAsJsonAsync("/studio/api/team/voice", new { voice = "model", endpoint = "no such/endpoint" }), 400,
            "Choose “rule” or “model”");
        await RefusedAsync(ana.PutAsJsonAsync("/studio/api/team/voice", new { voice = "model", endpoint = "ours" }), 400,
            "No endpoint called “ours” is configured here.");
        var kept = await OkAsync(ana.PutAsJsonAsync("/studio/api/team/voice", new { voice = "rule" }));
        Assert.Equal("rule voice (built-in lines; nothing is sent anywhere)", kept["voice"]!["said"]!.GetValue<string>());

        using var ben = Client();
        await JoinAsync(ben, "Ben");
        await OkAsync(ben.PostAsJsonAsync("/studio/api/invites/accept", new { invite = team["invite"]!.GetValue<string>() }));
        await RefusedAsync(ben.PutAsJsonAsync("/studio/api/team/voice", new { voice = "rule" }), 403, "Ask your team's manager");
    }

    [Fact]
    public async Task An_invite_opens_only_its_own_team_of_its_own_tenant()
    {
        using var ana = Client();
        await JoinAsync(ana, "Ana");
        var team = await OkAsync(ana.PostAsJsonAsync("/studio/api/team", new { name = "Night shift", timeZone = "Europe/Dublin" }));
        var invites = _server.Get<TeamInvites>();
        using var ben = Client();
        await JoinAsync(ben, "Ben");

        foreach (var bad in new[]
                 {
                     "not an invite",
                     new string('x', 2001),
                     invites.Issue(new TenantScope("teams", "another-tenant"), team["teamId"]!.GetValue<string>()),
                     invites.Issue(new TenantScope("studio", "local"), "team-that-does-not-exist"),
                 })
        {
            await RefusedAsync(ben.PostAsJsonAsync("/studio/api/invites/look", new { invite = bad }), 404, "Ask your manager for a fresh link.");
            await RefusedAsync(ben.PostAsJsonAsync("/studio/api/invites/accept", new { invite = bad }), 404, "older than 14 days");
        }

        Assert.Null((await _server.Get<IPeopleStore>().GetAsync(await KeyOfAsync(ben), CancellationToken.None))!.TeamId);
        var look = await ben.PostAsJsonAsync("/studio/api/invites/look", new { invite = _server.Url("/?invite=" + Uri.EscapeDataString(team["invite"]!.GetValue<string>())).ToString() });
        var seen = (await look.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("Night shift", 1, false), (seen["teamName"]!.GetValue<string>(), seen["members"]!.GetValue<int>(), seen["alreadyMember"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Saving_a_practice_time_opts_in_and_stopping_opts_out_and_bad_times_are_refused()
    {
        using var kim = Client();
        await JoinAsync(kim, "Kim");

        await RefusedAsync(kim.PutAsJsonAsync("/studio/api/me/schedule", new { on = true, time = "25:00", timeZone = "Europe/London", days = new[] { "mon" } }), 400,
            "HH:MM");
        await RefusedAsync(kim.PutAsJsonAsync("/studio/api/me/schedule", new { on = true, time = "08:45", timeZone = "Europe/London", days = Array.Empty<string>() }), 400,
            "at least one day");
        using var saved = await kim.PutAsJsonAsync("/studio/api/me/schedule", new { on = true, time = "08:45", timeZone = "Europe/London", days = new[] { "mon", "wed" } });
        var schedule = (await saved.Content.ReadFromJsonAsync<JsonObject>())!["schedule"]!;
        Assert.True(schedule["on"]!.GetValue<bool>());
        Assert.Equal(("08:45", "Europe/London"), (schedule["time"]!.GetValue<string>(), schedule["timeZone"]!.GetValue<string>()));

        var person = (await _server.Get<IPeopleStore>().GetAsync(await KeyOfAsync(kim), CancellationToken.None))!;
        Assert.Equal(ConsentState.OptedIn, person.Consent);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday], person.WorkingDays.Order());
        Assert.NotNull(person.NextPromptUtc);

        using var stopped = await kim.PutAsJsonAsync("/studio/api/me/schedule", new { on = false });
        stopped.EnsureSuccessStatusCode();
        person = (await _server.Get<IPeopleStore>().GetAsync(person.Key, CancellationToken.None))!;
        Assert.NotEqual(ConsentState.OptedIn, person.Consent);
        Assert.Null(person.NextPromptUtc);
    }

    private HttpClient Client()
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _server.BaseUri };
        http.DefaultRequestHeaders.Add(StudioRequests.AntiforgeryHeader, "1");
        return http;
    }

    private static async Task JoinAsync(HttpClient http, string name)
    {
        using var joined = await http.PostAsJsonAsync("/studio/api/people", new { name });
        joined.EnsureSuccessStatusCode();
    }

    private static async Task<PersonKey> KeyOfAsync(HttpClient http) =>
        new("studio", "local", (await http.GetFromJsonAsync<JsonObject>("/studio/api/me"))!["userId"]!.GetValue<string>());

    private static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["team"]!;
    }

    private static async Task RefusedAsync(Task<HttpResponseMessage> sending, int status, string says)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, body, StringComparison.Ordinal);
    }
}
