using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using Xunit.Abstractions;
using static RolePlay.Browser.Tests.Infrastructure.RouterPractice;

namespace RolePlay.Browser.Tests;

/// <summary>The team dashboard in Chromium, over data made by real practice: the team is set up and its people practise
/// through the running bot's own router (as the studio, Teams and Slack do), then a manager opens the page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private const string TeamId = "team-care";
    private static readonly ConversationAddress Channel = new("studio", "local", "care", ConversationKind.Channel, TeamId: TeamId);

    private StudioServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await StudioServer.StartAsync();
        var router = _server.Get<IConversationRouter>();
        await SetUpTeamAsync(router, Channel, agents: 5);

        foreach (var i in new[] { 1, 2, 3 })
        {
            await PractiseAsync(router, User($"agent-{i}", $"Agent {i}"));
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [SkippableFact]
    public async Task The_charts_show_the_practice_and_the_phrases_that_landed()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context);

        await Assertions.Expect(page.Locator("#team-title")).ToContainTextAsync("6 members");
        var skills = page.Locator("#team-skills .skill");
        await Assertions.Expect(skills).ToHaveCountAsync(4);

        // This week's point on each skill chart is drawn, with the score the rubric gave.
        var listening = page.Locator(".skill[data-skill='active_listening']");
        Assert.True(await listening.Locator("circle[data-value]").CountAsync() >= 1);
        await Assertions.Expect(listening.Locator(".phrases q").First).ToBeVisibleAsync();
        Assert.Equal(3, await page.Locator("#chart-sessions rect[data-value]").EvaluateAllAsync<int>("rects => rects.reduce((n, r) => n + Number(r.dataset.value), 0)"));
        await Assertions.Expect(page.Locator("#routines")).ToContainTextAsync("not run yet");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("froze");
        await Axe.AssertAccessibleAsync(page, "the team dashboard", output);
        await Artifacts.ScreenshotAsync(page, "dashboard-team", output);

        // One person's own trend: their practice against their own past, nobody else's.
        await page.GetByLabel("One person's own trend").SelectOptionAsync(new SelectOptionValue { Label = "Agent 1" });
        await Assertions.Expect(page.Locator("#person-title")).ToContainTextAsync("Agent 1");
        await Assertions.Expect(page.Locator("#person-skills .progress").First).ToContainTextAsync("of 4");
        Assert.Equal(1, await page.Locator("#chart-person-sessions rect[data-value]").CountAsync());
        await Axe.AssertAccessibleAsync(page, "a person's own trend", output);
        await Artifacts.ScreenshotAsync(page, "dashboard-person", output);
    }

    [SkippableFact]
    public async Task A_malformed_kpi_file_is_refused_line_by_line_and_a_good_one_is_plotted()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context);
        var week = Core.Insights.IsoWeek.Of(DateTimeOffset.UtcNow);

        await page.GetByLabel("KPI file (CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "kpis.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"subject,week,handle_time,rework_rate,churn\nteam,{week},300,0.1,0.02\nteam,next week,300,2,0.02\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var result = page.Locator("#kpi-result");
        await Assertions.Expect(result).ToContainTextAsync("Nothing was imported");
        await Assertions.Expect(result).ToContainTextAsync("line 3: week");
        await Assertions.Expect(result).ToContainTextAsync("line 3: rework_rate");
        await Assertions.Expect(page.Locator("#kpi-charts figure")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page, "a refused KPI import", output);
        await Artifacts.ScreenshotAsync(page, "dashboard-kpi-refused", output);

        await page.GetByLabel("KPI file (CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "kpis.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"subject,week,handle_time,rework_rate,churn\nteam,{week},300,0.1,0.02\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("Imported 1 rows");
        var charts = page.Locator("#kpi-charts figure");
        await Assertions.Expect(charts).ToHaveCountAsync(3);
        await Assertions.Expect(charts.First).ToContainTextAsync("Too few weeks");
        await Assertions.Expect(charts.First).ToContainTextAsync("n = 1");
        await Axe.AssertAccessibleAsync(page, "KPIs plotted", output);
        await Artifacts.ScreenshotAsync(page, "dashboard-kpi-plotted", output);
    }

    [SkippableFact]
    public async Task A_manager_marks_a_new_hire_on_the_team_page()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context);
        await Assertions.Expect(page.Locator("#members li")).ToHaveCountAsync(6);

        var agent4 = page.GetByRole(AriaRole.Checkbox, new() { Name = "Agent 4 new hire" });
        await Assertions.Expect(agent4).Not.ToBeCheckedAsync();
        await agent4.CheckAsync();

        await Assertions.Expect(page.Locator("#members-result")).ToHaveTextAsync("Agent 4 is marked as a new hire.");
        var stored = await _server.Get<IPeopleStore>().GetAsync(new PersonKey("studio", "local", "agent-4"), default);
        Assert.True(stored!.IsNewHire);
        await Axe.AssertAccessibleAsync(page, "the team page with its members", output);
        await Artifacts.ScreenshotAsync(page, "dashboard-members", output);

        // Opened again, the page shows what is stored.
        await page.ReloadAsync();
        await page.Locator("body[data-ready]").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Agent 4 new hire" })).ToBeCheckedAsync();
    }

    [SkippableFact]
    public async Task The_page_works_from_the_keyboard_alone()
    {
        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Practice studio" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#team-select")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#person-select")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#person-title")).ToContainTextAsync("own trend");
    }

    [SkippableFact]
    public async Task The_learning_records_the_LRS_refused_are_shown_with_its_reason()
    {
        var outbox = _server.Get<IStatementOutbox>();
        var agent = new PersonKey("studio", "local", "agent-1");
        var at = DateTimeOffset.UtcNow;
        await outbox.AddAsync(
        [
            new QueuedStatement(agent.Tenant, "5d1f7a52-0c3e-5b9a-8f5d-2a4c6e8b0d13", [agent], """{"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"}}""", at),
            new QueuedStatement(agent.Tenant, "7b2e9c41-3d5f-5a6b-9c7d-1e3f5a7b9c2d", [agent], """{"verb":{"id":"http://adlnet.gov/expapi/verbs/passed"}}""", at, 1),
        ], send: true, default);
        var refused = (await outbox.ListWaitingAsync(agent.Tenant, 10, default))[1];
        await outbox.ParkAsync(refused, "400: result.score.scaled must be between -1 and 1", default);

        await using var context = await browser.NewContextAsync();
        var page = await OpenAsync(context);

        await Assertions.Expect(page.Locator("#records")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#records-waiting")).ToHaveTextAsync("1 learning record waiting for the learning record store.");
        var row = page.Locator("#records-parked tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("passed");
        await Assertions.Expect(row).ToContainTextAsync("Agent 1");
        await Assertions.Expect(row).ToContainTextAsync("must be between -1 and 1");
        await Axe.AssertAccessibleAsync(page, "the learning records panel", output);
        await page.Locator("#records").ScrollIntoViewIfNeededAsync();
        await Artifacts.ScreenshotAsync(page, "dashboard-learning-records", output);
        await page.SetViewportSizeAsync(390, 844); // a phone
        await page.Locator("#records").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "dashboard-learning-records-phone", output);
    }

    private async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server.Url("/dashboard/").ToString());
        await page.Locator("body[data-ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("#status")).ToBeEmptyAsync();
        return page;
    }
}
