using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Chat;
using RolePlay.Core.Consent;
using RolePlay.Core.Practice;
using RolePlay.Core.Routines;
using RolePlay.Core.Routing;
using RolePlay.Core.Storage;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests;

/// <summary>Two pages on one bot: a learner mid-scene and a facilitator steering it; and the bot's own proactive
/// messages reaching an open page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FacilitatorTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private StudioServer _server = null!;

    public async Task InitializeAsync() => _server = await StudioServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [SkippableFact]
    public async Task A_facilitators_nudges_arrive_live_in_the_learners_practice_and_change_the_scene()
    {
        await using var learnerContext = await browser.NewContextAsync();
        await using var facilitatorContext = await browser.NewContextAsync();
        var learner = await StudioPage.OpenAsync(learnerContext, _server);
        await learner.JoinAsync("Mei");
        await learner.StartAsync("double-charge-student", "medium");
        await learner.SayAsync("That sounds really stressful being charged twice. What happened?");
        await learner.WaitUntilLiveAsync();

        var facilitator = await facilitatorContext.NewPageAsync();
        await facilitator.GotoAsync(_server.Url("/facilitate").ToString());
        var practice = facilitator.GetByRole(AriaRole.Radio, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mei — ") });
        await Assertions.Expect(practice).ToBeCheckedAsync();
        await Axe.AssertAccessibleAsync(facilitator, "the facilitator view", output);

        // A cue card from the catalogue.
        await facilitator.GetByLabel("Cue card", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var cue = await facilitator.GetByLabel("Nudge text").InputValueAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Send nudge" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sent: it is in their chat now.");
        await Assertions.Expect(learner.Entries("coach").Filter(new() { HasText = cue })).ToBeVisibleAsync();

        // A change of environment, then a swap of the customer's goal.
        // The cue card list belongs to cue nudges only.
        var cueCards = facilitator.GetByLabel("Cue card", new() { Exact = true });
        await facilitator.GetByLabel("Change the environment").CheckAsync();
        await Assertions.Expect(cueCards).ToBeHiddenAsync();
        await facilitator.GetByLabel("Nudge text").FillAsync("The billing system just went down");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Send nudge" }).ClickAsync();
        await Assertions.Expect(learner.Entries("coach").Filter(new() { HasText = "Environment change: The billing system just went down" })).ToBeVisibleAsync();

        await facilitator.GetByLabel("Swap the customer's goal").CheckAsync();
        await Assertions.Expect(cueCards).ToBeHiddenAsync();
        await facilitator.GetByLabel("Cue card for the agent").CheckAsync();
        await Assertions.Expect(cueCards).ToBeVisibleAsync();
        await facilitator.GetByLabel("Swap the customer's goal").CheckAsync();
        await facilitator.GetByLabel("Nudge text").FillAsync("They now want to cancel the contract");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Send nudge" }).ClickAsync();
        await Assertions.Expect(learner.Entries("coach").Filter(new() { HasText = "The customer's goal changes: They now want to cancel the contract" })).ToBeVisibleAsync();

        // A second outage is refused by the scene, and the facilitator is told why.
        await facilitator.GetByLabel("Change the environment").CheckAsync();
        await facilitator.GetByLabel("Nudge text").FillAsync("Another outage");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Send nudge" }).ClickAsync();
        await Assertions.Expect(facilitator.GetByRole(AriaRole.Alert)).ToContainTextAsync("already under way");

        await Artifacts.ScreenshotAsync(learner.Page, "studio-learner-nudged", output);
        await Artifacts.ScreenshotAsync(facilitator, "studio-facilitator", output);
        await Axe.AssertAccessibleAsync(learner.Page, "a practice with facilitator nudges", output);

        // The nudges are part of the stored practice, like any turn.
        var person = _server.OnlyLocalPerson();
        var (_, live) = await _server.Get<IPeopleStore>().GetWithLiveSessionAsync(person, CancellationToken.None);
        var turns = await _server.Get<ISessionStore>().GetTurnsAsync(person, live!.SessionId, CancellationToken.None);
        Assert.Contains(turns, t => t.Speaker == "coach" && t.Text.Contains("The billing system just went down", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_routines_message_through_the_studio_sender_appears_in_the_open_page()
    {
        await using var context = await browser.NewContextAsync();
        var studio = await StudioPage.OpenAsync(context, _server);
        await studio.JoinAsync("Sam");
        await studio.WaitUntilLiveAsync();

        var sender = Assert.Single(_server.Get<IEnumerable<IProactiveSender>>(), s => s.Platform == "studio");
        var outcome = await sender.SendAsync(new RoutineTarget.Person(_server.OnlyLocalPerson()),
            [new TextOut("Time for today's three-minute practice?"), new CardOut(ConsentCards.Welcome())], CancellationToken.None);

        Assert.IsType<ProactiveOutcome.Sent>(outcome);
        await Assertions.Expect(studio.Entries("bot").Filter(new() { HasText = "Time for today's three-minute practice?" })).ToBeVisibleAsync();
        await Assertions.Expect(studio.Card("welcome")).ToHaveCountAsync(2);
        var channel = await sender.SendAsync(new RoutineTarget.Channel(new TenantScope("studio", "local"), "general"),
            [new TextOut("Standup!")], CancellationToken.None);
        Assert.IsType<ProactiveOutcome.Failed>(channel);
    }
}
