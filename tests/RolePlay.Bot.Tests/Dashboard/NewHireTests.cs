using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Dashboard;

/// <summary>The team page's members list: a manager marks a new hire there, and buddy pairing reads the same flag the
/// "team newhire" command sets.</summary>
public sealed class NewHireTests(SeededDashboard seeded) : IClassFixture<SeededDashboard>
{
    private const string Team = SeededDashboard.SmallTeamId;

    private HttpClient Http => seeded.Host.Client;

    [Fact]
    public async Task A_manager_marks_and_unmarks_a_new_hire_and_the_person_record_says_so()
    {
        var roster = await RosterAsync();
        Assert.Equal(["Sam Smallteam", "Tia", "Udo"], roster.Select(r => r.GetProperty("name").GetString()));
        Assert.All(roster, r => Assert.False(r.GetProperty("isNewHire").GetBoolean()));

        using (var marked = await PutAsync("udo", """{"newHire":true}"""))
        {
            Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        }

        Assert.True((await PersonAsync("udo")).IsNewHire);
        Assert.True((await RosterAsync()).Single(r => r.GetProperty("userId").GetString() == "udo").GetProperty("isNewHire").GetBoolean());

        using (var unmarked = await PutAsync("udo", """{"newHire":false}"""))
        {
            Assert.Equal(HttpStatusCode.OK, unmarked.StatusCode);
        }

        Assert.False((await PersonAsync("udo")).IsNewHire);
    }

    [Theory]
    [InlineData("tia", "newHire=true", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("tia", "{\"newHire\":\"yes\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("tia", "{}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("tia", "not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("maya", "{\"newHire\":true}", "application/json", HttpStatusCode.NotFound)]
    [InlineData("nobody", "{\"newHire\":true}", "application/json", HttpStatusCode.NotFound)]
    public async Task A_request_that_is_not_a_clear_mark_of_a_member_changes_nothing(string userId, string body, string type, HttpStatusCode expected)
    {
        using var response = await PutAsync(userId, body, type);

        Assert.Equal(expected, response.StatusCode);
        Assert.False((await PersonAsync("tia")).IsNewHire);
        if (await seeded.Bot.People.GetAsync(new PersonKey("studio", PracticeSeed.Tenant, userId), CancellationToken.None) is { } other)
        {
            Assert.False(other.IsNewHire);
        }
    }

    [Fact]
    public async Task A_team_nobody_set_up_has_no_roster()
    {
        using var response = await Http.GetAsync(new Uri("/dashboard/api/teams/no-such-team/roster", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<List<JsonElement>> RosterAsync() =>
        (await Http.GetFromJsonAsync<JsonElement>(new Uri($"/dashboard/api/teams/{Team}/roster", UriKind.Relative))).EnumerateArray().ToList();

    private Task<HttpResponseMessage> PutAsync(string userId, string body, string type = "application/json") =>
        Http.PutAsync(new Uri($"/dashboard/api/teams/{Team}/members/{userId}/new-hire", UriKind.Relative), new StringContent(body, Encoding.UTF8, type));

    private async Task<PersonRecord> PersonAsync(string userId) =>
        await seeded.Bot.People.GetAsync(new PersonKey("studio", PracticeSeed.Tenant, userId), CancellationToken.None)
        ?? throw new InvalidOperationException($"{userId} is not stored.");
}
