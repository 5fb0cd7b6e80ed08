using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;
using RolePlay.Core.PeerCoaching;
using RolePlay.Core.Storage;
using RolePlay.Slack.BlockKit;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests;

/// <summary>The peer checklist as the Slack adapter renders it — the modal a reviewer fills in and the message the
/// learner receives — drawn from the bot's own Block Kit in Slack's layout and looked at as a screenshot
/// (slack-peer-review-*.png): every behaviour with its three answers, nothing cut.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlackChecklistRenderingTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly ContentCatalog Catalog = ContentLoader.LoadShipped().EnsureValid();
    private static readonly PeerChecklist Checklist = Catalog.Checklists[PeerChecklist.Shipped];
    private static readonly TenantScope Tenant = new("slack", "T1");

    private static readonly ReviewRequest Request = new(Tenant, "T1", "req-1", new PersonKey(Tenant, "UANA"), "Ana", "s1",
        "A birthday present stuck in transit", Checklist.Id, ReviewSource.Shared, null,
        Checklist.Behaviours.ToDictionary(b => b.Id, b => b.Signal == EngineSignal.LimitWithoutBlame ? null : (ChecklistAnswer?)ChecklistAnswer.Partly),
        DateTimeOffset.UnixEpoch);

    [SkippableFact]
    public async Task The_checklist_modal_shows_every_behaviour_with_its_three_answers_and_what_landed_first()
    {
        var modal = BlockKitRenderer.RenderModal(ChecklistCards.Form(Checklist, Request));
        await using var context = await browser.NewContextAsync(Screen.Desktop);
        var page = await context.NewPageAsync();
        await page.SetContentAsync(BlockKitPreview.Modal(modal));

        Assert.Equal("Peer coaching checklist", await page.Locator(".view > header").InnerTextAsync()); // Slack's title fits 24 characters
        foreach (var behaviour in Checklist.Behaviours)
        {
            var group = page.GetByRole(AriaRole.Group, new() { Name = behaviour.Text });
            await Assertions.Expect(group.GetByRole(AriaRole.Radio)).ToHaveCountAsync(3);
        }

        var legends = await page.Locator("legend").AllInnerTextsAsync();
        Assert.Equal("What landed: one thing they did that worked", legends[^2]);
        Assert.Equal("Try next time: one small thing (optional)", legends[^1]); // Slack marks the optional input
        Assert.Equal("Send to Ana", await page.Locator(".view > footer .primary").InnerTextAsync());
        await page.Locator(".view").ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Directory, "slack-peer-review-modal.png") });
        output.WriteLine("slack-peer-review-modal.png");
    }

    [SkippableFact]
    public async Task The_review_reaches_the_learner_as_one_message_with_the_peer_and_the_rubric_side_by_side()
    {
        var review = new PeerReview(Tenant, "T1", "r1", "req-1", Request.Learner, new PersonKey(Tenant, "UBEN"), "Ben", ReviewSource.Shared,
            Checklist.Id, Checklist.Behaviours.ToDictionary(b => b.Id, _ => ChecklistAnswer.Yes), Request.Engine,
            "You named the worry before the refund.", "Check the summary with a question.", DateTimeOffset.UnixEpoch);
        var message = Assert.Single(BlockKitRenderer.RenderMessages(ChecklistCards.Received(Checklist, review, Request.ScenarioTitle)));
        await using var context = await browser.NewContextAsync(Screen.Desktop);
        var page = await context.NewPageAsync();
        await page.SetContentAsync(BlockKitPreview.Message(message.Blocks));

        var shown = await page.Locator(".message").InnerTextAsync();
        foreach (var behaviour in Checklist.Behaviours)
        {
            Assert.Contains(behaviour.Text, shown, StringComparison.Ordinal);
        }

        Assert.Contains("Ben: yes · rubric: didn't come up", shown, StringComparison.Ordinal);
        Assert.Contains("What landed: You named the worry before the refund.", shown, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "This helped" })).ToBeVisibleAsync();
        await page.Locator(".message").ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Directory, "slack-peer-review-received.png") });
    }
}
