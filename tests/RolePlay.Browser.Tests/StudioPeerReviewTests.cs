using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Storage;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests;

/// <summary>A buddy's peer checklist in the studio, as two people in two browsers: Ana asks her buddy, Ben fills the
/// checklist in on his page (an Adaptive Card, as Teams draws it), Ana reads it beside the rubric and marks it helpful.
/// Screenshots: studio-peer-review-*.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioPeerReviewTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Replies =
    [
        "Oh no, I'm so sorry, that sounds really stressful with the birthday tomorrow. What happened with the parcel?",
        "So the headset hasn't moved from Dallas and the birthday is tomorrow, is that right?",
    ];

    private StudioServer _server = null!;

    public async Task InitializeAsync() => _server = await StudioServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [SkippableFact]
    public async Task A_buddys_checklist_is_filled_in_on_one_page_and_read_beside_the_rubric_on_the_other()
    {
        var screen = Screen.Desktop;
        await using var anaContext = await browser.NewContextAsync(screen);
        var ana = await StudioPage.OpenAsync(anaContext, _server);
        await ana.JoinAsync("Ana");
        await ana.Page.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        await ana.Page.Locator("#team-create").GetByLabel("Team name").FillAsync("Night shift");
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Create the team" }).ClickAsync();
        await Assertions.Expect(ana.Page.Locator("#team-heading")).ToHaveTextAsync("Night shift");
        var invite = await ana.Page.Locator("#invite-link").InputValueAsync();

        await using var benContext = await browser.NewContextAsync(screen);
        var benPage = await benContext.NewPageAsync();
        await benPage.GotoAsync(invite);
        var ben = new StudioPage(benPage);
        await ben.JoinAsync("Ben");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Join Night shift" }).ClickAsync();
        await Assertions.Expect(benPage.Locator("#team-heading")).ToHaveTextAsync("Night shift");
        await benPage.GetByRole(AriaRole.Link, new() { Name = "Practice", Exact = true }).ClickAsync();

        var people = _server.Get<RolePlay.Studio.Transcripts.StudioTranscripts>().Of(new TenantScope("studio", "local")).Select(t => t.Person).ToList();
        var store = _server.Get<IPeopleStore>();
        var anaKey = (await Task.WhenAll(people.Select(p => store.GetAsync(p, CancellationToken.None)))).Single(p => p!.DisplayName == "Ana")!.Key;
        var benKey = people.Single(p => p != anaKey);
        var teamId = (await store.GetAsync(anaKey, CancellationToken.None))!.TeamId!;
        await _server.Get<IPairingStore>().SaveRoundAsync(
            new PairingRound(anaKey.Tenant, teamId, 1, DateTimeOffset.UtcNow, [new PairRecord(anaKey, benKey)], []), CancellationToken.None);

        await ana.Page.GetByRole(AriaRole.Link, new() { Name = "Practice", Exact = true }).ClickAsync();
        await ana.StartAsync("late-delivery-birthday", "medium");
        foreach (var reply in Replies)
        {
            await ana.SayAsync(reply);
        }

        await ana.Page.GetByRole(AriaRole.Group, new() { Name = "Scene controls" }).GetByRole(AriaRole.Button, new() { Name = "End and debrief" }).ClickAsync();
        await Assertions.Expect(ana.Card("debrief.feelings")).ToBeVisibleAsync();
        await ana.SayAsync("ask buddy");
        await Assertions.Expect(ana.Transcript).ToContainTextAsync("Asked Ben to review");

        // Ben's page receives the invitation with the practice's lines, and opens the checklist.
        var invitation = ben.Card("review.invite");
        await Assertions.Expect(invitation).ToBeVisibleAsync();
        await Assertions.Expect(invitation).ToContainTextAsync("Ana: " + Replies[0]);
        await invitation.GetByRole(AriaRole.Button, new() { Name = "Open the checklist" }).ClickAsync();
        var form = ben.Card("review.form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await Assertions.Expect(form.Locator("input[type=radio]")).ToHaveCountAsync(18);
        await Axe.AssertAccessibleAsync(benPage, "peer checklist form", output);

        // Sending without "what landed" is refused on the card (the card itself marks it required); nothing reaches Ana.
        for (var i = 0; i < 6; i++)
        {
            await form.Locator($"input[type=radio][value='{(i == 4 ? "partly" : "yes")}']").Nth(i).CheckAsync();
        }

        await form.GetByLabel("Try next time: one small thing").FillAsync("Pause after the summary so she can answer.");
        // The chat scrolls within 60% of the window: a window tall enough for the whole card, so its picture is the card.
        await benPage.SetViewportSizeAsync(1280, 2400);
        await form.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Directory, "studio-peer-review-checklist.png") });
        await form.GetByRole(AriaRole.Button, new() { Name = "Send to Ana" }).ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync("What landed: one thing they did that worked is required.");
        await Assertions.Expect(form).Not.ToContainTextAsync("Shaped the solution with the customer is required.");
        await Assertions.Expect(ana.Card("review.received")).ToHaveCountAsync(0);

        await ben.Card("review.form").Last.GetByLabel("What landed: one thing they did that worked").FillAsync("“That sounds really stressful” came before any fix.");
        await ben.Card("review.form").Last.GetByRole(AriaRole.Button, new() { Name = "Send to Ana" }).ClickAsync();
        await Assertions.Expect(ben.Transcript).ToContainTextAsync("Sent to Ana, and only to them");

        // Ana reads it beside the rubric's view, and marks it helpful; Ben hears so.
        var received = ana.Card("review.received");
        await Assertions.Expect(received).ToBeVisibleAsync();
        await Assertions.Expect(received).ToContainTextAsync("Named the customer's feeling in their words");
        await Assertions.Expect(received).ToContainTextAsync("Ben: yes · rubric: ");
        await Assertions.Expect(received).ToContainTextAsync("What landed: “That sounds really stressful” came before any fix.");
        await received.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Directory, "studio-peer-review-received.png") });
        await received.GetByRole(AriaRole.Button, new() { Name = "This helped" }).ClickAsync();
        await Assertions.Expect(received.GetByRole(AriaRole.Button, new() { Name = "This helped" })).ToHaveCountAsync(0);
        await Assertions.Expect(ben.Transcript).ToContainTextAsync("Ana found your peer checklist helpful");
        Assert.True((await _server.Get<IPeerReviewStore>().ListSinceAsync(anaKey.Tenant, teamId, DateOnly.MinValue, CancellationToken.None)).Single().Helpful);
    }
}
