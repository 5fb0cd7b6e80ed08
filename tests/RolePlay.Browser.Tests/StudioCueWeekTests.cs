using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.CueStrips;
using RolePlay.Core.Storage;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests;

/// <summary>A studio team's manager chooses the cue strips' language on the Team page, and the practice view then shows
/// the team's cue of the week in it, with the team's sheet a link away. Screenshots: studio-cues-{screen}-….</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioCueWeekTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private StudioServer _server = null!;

    public async Task InitializeAsync() => _server = await StudioServer.StartAsync();

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    public static TheoryData<string> Screens => new() { "laptop-light", "phone-dark" };

    [SkippableTheory]
    [MemberData(nameof(Screens))]
    public async Task The_practice_view_shows_the_teams_cue_of_the_week_in_the_teams_language(string screenName)
    {
        var screen = Screen.Named[screenName];
        await using var context = await browser.NewContextAsync(screen);
        var studio = await StudioPage.OpenAsync(context, _server);
        var page = studio.Page;
        await studio.JoinAsync("Ana");
        await Assertions.Expect(page.Locator("#cue-week")).ToBeHiddenAsync(); // no team, no cue
        await page.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        await page.Locator("#team-create").GetByLabel("Team name").FillAsync("Night shift");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the team" }).ClickAsync();

        var cues = page.Locator("#team-cues");
        await cues.GetByLabel("The strips' language").SelectOptionAsync("es");
        await cues.GetByRole(AriaRole.Button, new() { Name = "Save the language" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cues-done")).ToHaveTextAsync("Saved: the strips print in Spanish (es).");
        await CheckAsync(page, screen, "01-language-chosen");

        // The week's captain picked in the team's channel; the studio shows it on the next visit.
        var person = _server.OnlyLocalPerson();
        var teamId = (await _server.Get<IPeopleStore>().GetAsync(person, CancellationToken.None))!.TeamId!;
        var team = (await _server.Get<ITeamStore>().GetAsync(person.Tenant, teamId, CancellationToken.None))!;
        Assert.Equal("es", team.CueLanguage);
        await _server.Get<ICueOfTheWeekStore>().SaveAsync(
            new CueOfTheWeekRecord(person.Tenant, teamId, CueOfTheWeek.WeekOf(team, DateTimeOffset.UtcNow), "drop-the-blame", DateTimeOffset.UtcNow),
            CancellationToken.None);
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Practice", Exact = true }).ClickAsync();

        var week = page.GetByRole(AriaRole.Complementary, new() { Name = "Your team's cue of the week:" });
        await Assertions.Expect(week).ToBeVisibleAsync();
        await Assertions.Expect(week.Locator("#cue-week-text")).ToHaveTextAsync("Deja la culpa a un lado: di lo que SÍ puedes hacer.");
        await Assertions.Expect(week.Locator("#cue-week-text")).ToHaveAttributeAsync("lang", "es");
        var sheet = week.GetByRole(AriaRole.Link, new() { Name = "Print the strips" });
        Assert.Equal(CueSheetPath.Of(teamId), await sheet.GetAttributeAsync("href"));
        var served = await page.APIRequest.GetAsync(_server.Url(CueSheetPath.Of(teamId)).ToString());
        Assert.Equal((200, "application/pdf"), (served.Status, served.Headers["content-type"]));
        await CheckAsync(page, screen, "02-cue-of-the-week");
    }

    private Task CheckAsync(IPage page, Screen screen, string step) => Artifacts.CheckScreenAsync(page, screen, "studio-cues", step, output);
}
