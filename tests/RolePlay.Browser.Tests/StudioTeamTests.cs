using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Storage;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests;

/// <summary>A team with neither Teams nor Slack, on a laptop and a phone, light and dark: the first person arrives,
/// creates a team, a teammate joins by the invite link, both practise to a commitment, and both see their progress on
/// the dashboard. Screenshots of every step are kept (studio-team-{screen}-…).</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioTeamTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Replies =
    [
        "Oh no, I'm so sorry, that sounds really stressful with the birthday tomorrow. What happened with the parcel?",
        "So the headset hasn't moved from Dallas and the birthday is tomorrow, is that right?",
        "I can refund the shipping and reserve the same headset for pickup at your nearest store from 10 am tomorrow. Would that work?",
    ];

    private StudioServer _server = null!;

    public async Task InitializeAsync() => _server = await StudioServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Screens => new(Screen.Named.Keys);

    [SkippableTheory]
    [MemberData(nameof(Screens))]
    public async Task A_studio_only_team_from_first_visit_to_both_people_seeing_their_progress(string screenName)
    {
        var screen = Screen.Named[screenName];
        await using var anaContext = await browser.NewContextAsync(screen);
        var ana = await StudioPage.OpenAsync(anaContext, _server);
        var page = ana.Page;

        // Before a name, the welcome alone: nothing of the practice screen, no navigation.
        await Assertions.Expect(page.GetByLabel("What should we call you?")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#studio")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("Connecting…")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Studio" })).ToBeHiddenAsync();
        await CheckAsync(page, screen, "01-first-visit");

        await ana.JoinAsync("Ana");
        await CheckAsync(page, screen, "02-practice-picker");
        if (screen.Width >= 1024)
        {
            // On a laptop the picker shows several scenarios at once, not one at a time.
            var shown = await page.EvaluateAsync<int>("""
                () => { const box = document.getElementById("scenarios").getBoundingClientRect();
                        return [...document.querySelectorAll("#scenarios li")].filter((li) => {
                          const r = li.getBoundingClientRect(); return r.top >= box.top && r.bottom <= box.bottom && r.bottom <= innerHeight; }).length; }
                """);
            Assert.True(shown >= 4, $"{shown} scenario cards are fully visible on {screen.Name}.");
        }

        // Ana creates the team: she is its manager, with an invite to share.
        await page.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        var create = page.Locator("#team-create");
        await create.GetByLabel("Team name").FillAsync("Night shift");
        await create.GetByLabel("Team time zone").SelectOptionAsync("Europe/Dublin");
        await create.GetByLabel("Service values").FillAsync("Listen first\nOwn the outcome\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the team" }).ClickAsync();
        await Assertions.Expect(page.Locator("#team-heading")).ToHaveTextAsync("Night shift");
        await Assertions.Expect(page.Locator("#team-facts")).ToContainTextAsync("manager");
        var invite = await page.Locator("#invite-link").InputValueAsync();
        Assert.StartsWith(_server.BaseUri.ToString().TrimEnd('/') + "/?invite=", invite, StringComparison.Ordinal);
        await CheckAsync(page, screen, "03-team-created");

        var people = _server.Get<IPeopleStore>();
        var founder = (await people.GetAsync(_server.Get<RolePlay.Studio.Transcripts.StudioTranscripts>()
            .Of(new TenantScope("studio", "local")).Single().Person, CancellationToken.None))!;
        Assert.Equal(PersonRole.Manager, founder.Role);
        var team = (await _server.Get<ITeamStore>().GetAsync(founder.Key.Tenant, founder.TeamId!, CancellationToken.None))!;
        Assert.Equal(("Night shift", "Europe/Dublin"), (team.Name, team.TimeZone));
        Assert.Equal(["Listen first", "Own the outcome"], team.ServiceValues);

        // Ben opens the invite link, gives his name, and joins with one click.
        await using var benContext = await browser.NewContextAsync(screen);
        var benPage = await benContext.NewPageAsync();
        await benPage.GotoAsync(invite);
        var ben = new StudioPage(benPage);
        await Assertions.Expect(benPage.GetByText("You were invited to a team.")).ToBeVisibleAsync();
        await ben.JoinAsync("Ben");
        await Assertions.Expect(benPage.Locator("#invite-banner")).ToContainTextAsync("You're invited to join Night shift (1 member)");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Join Night shift" }).ClickAsync();
        await Assertions.Expect(benPage.Locator("#team-heading")).ToHaveTextAsync("Night shift");
        await Assertions.Expect(benPage.Locator("#team-facts")).ToContainTextAsync("member");
        await Assertions.Expect(benPage.Locator("#team-invite")).ToBeHiddenAsync();
        Assert.Equal(2, (await _server.Get<ITeamStore>().ListMembersAsync(team.Tenant, team.TeamId, CancellationToken.None)).Count);
        await CheckAsync(benPage, screen, "04-teammate-joined");

        await PractiseToCommitmentAsync(ana, screen, "ana");
        await PractiseToCommitmentAsync(ben, screen, "ben");

        // Each sees their own progress first, and the team (below the size where its figures show).
        foreach (var (studio, name) in new[] { (ana, "Ana"), (ben, "Ben") })
        {
            await studio.Page.GotoAsync(_server.Url("/dashboard/").ToString());
            await studio.Page.Locator("body[data-ready]").WaitForAsync();
            await Assertions.Expect(studio.Page.Locator("#person-title")).ToHaveTextAsync($"{name}: own trend");
            Assert.Equal(1, await studio.Page.Locator("#chart-person-sessions rect[data-value]").CountAsync());
            await CheckAsync(studio.Page, screen, $"07-{name.ToLowerInvariant()}-progress");
            await studio.Page.GetByRole(AriaRole.Button, new() { Name = "The team" }).ClickAsync();
            await Assertions.Expect(studio.Page.Locator("#team-title")).ToContainTextAsync("Night shift (2 members)");
            await Assertions.Expect(studio.Page.Locator("#team-hidden")).ToContainTextAsync("team figures appear from 5");
        }
    }

    /// <summary>A practice to its commitment, checking on the way that every reply shows once, the live scenario is
    /// marked, the scene bar is the one set of controls, and the debrief reads as a report.</summary>
    private async Task PractiseToCommitmentAsync(StudioPage studio, Screen screen, string who)
    {
        var page = studio.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Practice", Exact = true }).ClickAsync();
        await studio.StartAsync("late-delivery-birthday", "medium");
        await Assertions.Expect(page.Locator("#scenarios li.is-live")).ToContainTextAsync("A birthday present stuck in transit");
        await Assertions.Expect(page.Locator("#scenarios li.is-live input")).ToBeCheckedAsync();
        await Assertions.Expect(studio.Card("practice.controls")).ToHaveCountAsync(0);
        foreach (var reply in Replies)
        {
            await studio.SayAsync(reply);
        }

        await Assertions.Expect(page.Locator("#typing")).ToBeHiddenAsync();
        await CheckAsync(page, screen, $"05-{who}-practice");
        await page.GetByRole(AriaRole.Group, new() { Name = "Scene controls" }).GetByRole(AriaRole.Button, new() { Name = "End and debrief" }).ClickAsync();

        var feelings = studio.Card("debrief.feelings");
        await Assertions.Expect(feelings).ToBeVisibleAsync();
        // Once it ended, nothing offers to pause or stop it, and the header says which practice it was.
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Scene controls" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#chat-sub")).ToHaveTextAsync("A birthday present stuck in transit · ended");

        // Each message once: the page shows as many customer lines as the practice stored, and each of the agent's.
        var person = new PersonKey("studio", "local", (await page.EvaluateAsync<string>("async () => (await (await fetch('/studio/api/me')).json()).userId"))!);
        var ended = (await _server.Get<ISessionStore>().ListEndedAsync(person, 1, CancellationToken.None)).Single();
        var turns = await _server.Get<ISessionStore>().GetTurnsAsync(person, ended.SessionId, CancellationToken.None);
        await Assertions.Expect(studio.Entries("customer")).ToHaveCountAsync(turns.Count(t => t.Speaker == "customer"));
        await Assertions.Expect(studio.Entries("you")).ToHaveCountAsync(Replies.Length);

        await feelings.Locator("input[type=radio][value='4']").CheckAsync();
        await feelings.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        var report = studio.Card("debrief.observations");
        await Assertions.Expect(report).ToContainTextAsync("What happened with Jake Morrison");
        await Assertions.Expect(report).ToContainTextAsync("Jake replied: “");
        // Each quoted phrase once, however many criteria it counted for; every score short of 4 says what would raise it.
        var quotes = await report.Locator("blockquote").AllInnerTextsAsync();
        Assert.Equal(quotes.Count, quotes.Distinct(StringComparer.Ordinal).Count());
        var skills = report.Locator(".skills li");
        for (var i = 0; i < await skills.CountAsync(); i++)
        {
            var skill = skills.Nth(i);
            if (!(await skill.Locator(".score").InnerTextAsync()).StartsWith("4/", StringComparison.Ordinal))
            {
                await Assertions.Expect(skill.Locator(".next")).ToContainTextAsync("To reach ");
            }
        }

        // One tap on a suggestion commits it, confirmed once, with no buddy to mention.
        var commitment = studio.Card("debrief.commitment");
        var suggestion = commitment.Locator("button.suggestion").First;
        var chosen = await suggestion.InnerTextAsync();
        await suggestion.ClickAsync();
        await Assertions.Expect(commitment).ToContainTextAsync($"Committed: “{chosen.TrimEnd('.')}”. I'll ask you how it went on ");
        await Assertions.Expect(studio.Transcript.Locator("li", new() { HasText = "Committed:" })).ToHaveCountAsync(1);
        await Assertions.Expect(studio.Transcript).Not.ToContainTextAsync("buddy");
        await CheckAsync(page, screen, $"06-{who}-debrief");
    }

    private Task CheckAsync(IPage page, Screen screen, string step) => Artifacts.CheckScreenAsync(page, screen, "studio-team", step, output);
}
