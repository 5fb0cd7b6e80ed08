using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests;

/// <summary>A person practises in the studio the way a newcomer would, with nothing but the bot on this machine.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioPracticeTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private StudioServer _server = null!;

    public async Task InitializeAsync() => _server = await StudioServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [SkippableFact]
    public async Task A_full_practice_from_scenario_pick_to_commitment_stores_the_reflections()
    {
        await using var context = await browser.NewContextAsync();
        var studio = await StudioPage.OpenAsync(context, _server);
        var page = studio.Page;
        await Axe.AssertAccessibleAsync(page, "the studio's first visit", output);

        await studio.JoinAsync("Ana");
        // The persona card is there before starting: age, culture, ability, device and network, success, constraints.
        await page.Locator("input[name=scenario][value='late-delivery-birthday']").CheckAsync();
        var persona = page.GetByRole(AriaRole.Region, new() { Name = "The chosen customer" });
        await Assertions.Expect(persona).ToContainTextAsync("Jake Morrison, 22");
        await Assertions.Expect(persona).ToContainTextAsync("Access needs");
        await Assertions.Expect(persona).ToContainTextAsync("Device and network");
        await Assertions.Expect(persona).ToContainTextAsync("Success looks like");
        await Assertions.Expect(persona).ToContainTextAsync("Constraints");
        await Axe.AssertAccessibleAsync(page, "the scenario picker with the welcome card", output);

        await studio.StartAsync("late-delivery-birthday", "low");
        // The customer speaks in their own bubbles, named, with no "Jake:" prefix.
        await Assertions.Expect(studio.Entries("customer").First).ToContainTextAsync("Jake Morrison");
        await Assertions.Expect(studio.Entries("customer").First).Not.ToContainTextAsync("Jake:");
        await studio.SayAsync("Oh no, I'm so sorry, that sounds really stressful with the birthday tomorrow. What happened with the parcel?");
        await studio.SayAsync("So the present hasn't arrived and the party is tomorrow, is that right?");
        await studio.SayAsync("I'll call the courier now and text you by 5pm today with a delivery slot, does that work for you?");
        await Axe.AssertAccessibleAsync(page, "a practice in progress", output);
        await Artifacts.ScreenshotAsync(page, "studio-practice-in-progress", output);

        // End through the scene bar: the one set of controls the studio shows.
        await Assertions.Expect(studio.Card("practice.controls")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Group, new() { Name = "Scene controls" }).GetByRole(AriaRole.Button, new() { Name = "End and debrief" }).ClickAsync();
        var feelings = studio.Card("debrief.feelings");
        await feelings.Locator("input[type=radio][value='4']").CheckAsync();
        await feelings.GetByLabel("In a few words").FillAsync("Nervous at first, calmer once he opened up");
        await feelings.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        var commitment = studio.Card("debrief.commitment");
        var observations = studio.Card("debrief.observations");
        await Assertions.Expect(observations).ToContainTextAsync("What happened with Jake Morrison");
        // The phrases quoted as evidence read as Teams shows them: no Markdown escapes left over. (Empathy, not the
        // summary: the persona's opening is drawn at random, and a summary only counts when it restates what was said.)
        await Assertions.Expect(observations).ToContainTextAsync("empathy · counts for Active listening");
        await Assertions.Expect(observations).Not.ToContainTextAsync("\\(");
        await Assertions.Expect(observations).Not.ToContainTextAsync("_");
        await commitment.GetByRole(AriaRole.Textbox, new() { Name = "I will" }).FillAsync("Name the feeling before I offer a fix");
        await commitment.GetByRole(AriaRole.Button, new() { Name = "Commit" }).ClickAsync();
        await Assertions.Expect(studio.Card("debrief.commitment")).ToContainTextAsync("Committed: “Name the feeling before I offer a fix”");
        await Axe.AssertAccessibleAsync(page, "the layered debrief", output);
        await Artifacts.ScreenshotAsync(page, "studio-debrief-committed", output);

        var person = _server.OnlyLocalPerson();
        var ended = Assert.Single(await _server.Get<ISessionStore>().ListEndedAsync(person, 5, CancellationToken.None));
        Assert.Equal("late-delivery-birthday", ended.ScenarioId);
        Assert.Equal(0, ended.Intensity); // low, as picked
        var learning = _server.Get<ILearningStore>();
        var reflection = Assert.Single(await learning.ListReflectionsAsync(person, ended.SessionId, CancellationToken.None));
        Assert.Equal("feelings", reflection.Layer);
        Assert.Equal("4/5 Nervous at first, calmer once he opened up", reflection.Text);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var committed = await learning.ListDueForCheckInAsync(person.Tenant, due, CancellationToken.None);
        Assert.Contains(committed, c => c.Person == person && c.SessionId == ended.SessionId && c.Text == "Name the feeling before I offer a fix");
        Assert.Equal("Ana", (await _server.Get<IPeopleStore>().GetAsync(person, CancellationToken.None))!.DisplayName);

        // With no team at all, her progress page shows her own trend from this one scored practice.
        await page.GetByRole(AriaRole.Link, new() { Name = "Progress", Exact = true }).ClickAsync();
        await page.Locator("body[data-ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("#person-title")).ToHaveTextAsync("Ana: own trend");
        Assert.Equal(1, await page.Locator("#chart-person-sessions rect[data-value]").CountAsync());
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("No team has been set up yet");
    }

    [SkippableFact]
    public async Task A_practice_can_be_done_with_the_keyboard_alone()
    {
        await using var context = await browser.NewContextAsync();
        var studio = await StudioPage.OpenAsync(context, _server);
        var page = studio.Page;
        var keyboard = page.Keyboard;

        // The name field has the focus on arrival; Enter submits, and the focus moves to the picker.
        await Assertions.Expect(page.GetByLabel("What should we call you?")).ToBeFocusedAsync();
        await keyboard.TypeAsync("Kofi");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#picker-heading")).ToBeFocusedAsync();

        // Past the four filters, Tab enters the scenario group (the first is chosen), arrows pick another, Tab goes on
        // to intensity and Start.
        for (var filter = 0; filter < 4; filter++)
        {
            await keyboard.PressAsync("Tab");
        }

        await keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("input[name=scenario]").First).ToBeFocusedAsync();
        await keyboard.PressAsync("ArrowDown");
        var chosen = await page.EvaluateAsync<string>("() => document.activeElement.value");
        await keyboard.PressAsync("Tab");
        await keyboard.PressAsync("ArrowDown"); // medium → high
        await Assertions.Expect(page.Locator("input[name=intensity][value=high]")).ToBeCheckedAsync();
        await keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start the practice" })).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");

        // The reply box takes the focus; Enter sends.
        await Assertions.Expect(studio.Message).ToBeFocusedAsync();
        await studio.LivePracticeAsync();
        await keyboard.TypeAsync("I'm really sorry, that sounds frustrating. Can you tell me what happened?");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(studio.Entries("you")).ToHaveCountAsync(1);
        await Assertions.Expect(studio.Message).ToBeFocusedAsync();
        await Assertions.Expect(studio.Message).ToHaveValueAsync("");
        await keyboard.TypeAsync("/end");
        await keyboard.PressAsync("Enter");

        // The debrief card takes the focus on its first input: arrows rate, Tab moves on, Enter acts.
        var feelings = studio.Card("debrief.feelings");
        await Assertions.Expect(feelings.GetByRole(AriaRole.Radio).First).ToBeFocusedAsync();
        await keyboard.PressAsync("Space");
        await keyboard.PressAsync("ArrowRight");
        await keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(feelings.Locator("input[type=radio][value='3']")).ToBeCheckedAsync();
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("Fine");
        await keyboard.PressAsync("Tab");
        await Assertions.Expect(feelings.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");

        var commitment = studio.Card("debrief.commitment");
        await Assertions.Expect(commitment.GetByRole(AriaRole.Textbox, new() { Name = "I will" })).ToBeFocusedAsync();
        await keyboard.TypeAsync("Ask one open question first");
        await keyboard.PressAsync("Tab");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(studio.Card("debrief.commitment")).ToContainTextAsync("Committed: “Ask one open question first”");
        await Artifacts.ScreenshotAsync(page, "studio-keyboard-only", output);

        var person = _server.OnlyLocalPerson();
        var ended = Assert.Single(await _server.Get<ISessionStore>().ListEndedAsync(person, 5, CancellationToken.None));
        Assert.Equal(chosen, ended.ScenarioId);
        Assert.Equal(2, ended.Intensity);
    }
    [SkippableFact]
    public async Task Pause_resume_and_stop_work_at_any_moment_and_a_stopped_practice_is_not_scored()
    {
        await using var context = await browser.NewContextAsync();
        var studio = await StudioPage.OpenAsync(context, _server);
        await studio.JoinAsync("Noor");
        await studio.StartAsync("refund-outside-policy", "medium");
        var scene = studio.Page.GetByRole(AriaRole.Group, new() { Name = "Scene controls" });

        await scene.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Assertions.Expect(studio.Entries("coach").Last).ToContainTextAsync("Paused. Nothing is scored");
        await Assertions.Expect(studio.Entries("coach").Filter(new() { HasText = "Paused." })).ToHaveCountAsync(1);

        // A reload keeps the live scenario marked and chosen in the picker, not the first one of the list, even when the
        // live practice arrives before the list does.
        var page = studio.Page;
        await page.RouteAsync("**/studio/api/scenarios", async route =>
        {
            await Task.Delay(500);
            await route.ContinueAsync();
        });
        await page.ReloadAsync();
        await page.Locator("#live-state[data-live='true']").WaitForAsync();
        await Assertions.Expect(page.Locator("#scenarios li.is-live")).ToHaveAttributeAsync("data-id", "refund-outside-policy");
        await Assertions.Expect(page.Locator("#scenarios li.is-live input")).ToBeCheckedAsync();
        Assert.NotEqual("refund-outside-policy", await page.Locator("#scenarios li").First.GetAttributeAsync("data-id"));
        await Assertions.Expect(page.Locator("#chat-sub")).ToContainTextAsync("· paused");
        await studio.SayAsync("Are you still there?");
        await Assertions.Expect(studio.Entries("bot").Last).ToContainTextAsync("This practice is paused, so that wasn't sent to the customer.");
        await scene.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(studio.Entries("coach").Last).ToContainTextAsync("Resumed.");
        await scene.GetByRole(AriaRole.Button, new() { Name = "Stop (no score)" }).ClickAsync();
        await Assertions.Expect(studio.Entries("coach").Last).ToContainTextAsync("Stopped. Nothing was scored.");
        await Assertions.Expect(studio.Card("debrief.feelings")).ToHaveCountAsync(0);

        var person = _server.OnlyLocalPerson();
        var ended = Assert.Single(await _server.Get<ISessionStore>().ListEndedAsync(person, 5, CancellationToken.None));
        Assert.Equal("stopped", ended.Outcome);
        Assert.Null(await _server.Get<ILearningStore>().GetRubricAsync(person, ended.SessionId, CancellationToken.None));
    }
}
