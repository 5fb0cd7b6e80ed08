using System.Collections.Concurrent;
using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using Xunit.Abstractions;
using static RolePlay.Browser.Tests.Infrastructure.RouterPractice;

namespace RolePlay.Browser.Tests;

/// <summary>Voice clips in Chromium with its fake microphone (a test tone, no permission prompt): recorded with
/// MediaRecorder on the studio's Clips page, stored, refused when not audio or too large, played on the dashboard
/// with range requests beside the phrase that landed and in "hear the week", and removed by their owner.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClipsBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private const string TeamId = "team-voices";
    private static readonly ConversationAddress Channel = new("studio", "local", "voices", ConversationKind.Channel, TeamId: TeamId);

    private StudioServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await StudioServer.StartAsync();
        var router = _server.Get<IConversationRouter>();
        await SetUpTeamAsync(router, Channel, agents: 4);

        await PractiseAsync(router, User("agent-1", "Agent 1"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [SkippableFact]
    public async Task A_clip_recorded_in_the_studio_plays_on_the_dashboard_with_range_requests()
    {
        await using var context = await browser.NewContextAsync();
        var studio = await StudioPage.OpenAsync(context, _server);
        await studio.JoinAsync("Ana");
        var ana = _server.OnlyLocalPerson();
        var router = _server.Get<IConversationRouter>();
        await router.HandleAsync(new MessageReceived(User(ana.UserId, "Ana"), Channel, DateTimeOffset.UtcNow, "team join"), default);
        await PractiseAsync(router, User(ana.UserId, "Ana"));
        await _server.Get<IPhraseStore>().AddAsync(new PhraseRecord(ana.Tenant, TeamId, "ana-phrase", ana, "Take your time, I'm here until it's sorted.",
            "empathy", DateTimeOffset.UtcNow), default);

        var page = studio.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Clips" }).ClickAsync();
        await Assertions.Expect(page.Locator("#clips-heading")).ToBeFocusedAsync();
        var subject = page.GetByLabel("The phrase or moment it belongs to");
        await Assertions.Expect(subject.Locator("option")).Not.ToHaveCountAsync(0);

        // A line of the finished practice, for the team; then the library phrase, for managers only.
        await subject.SelectOptionAsync(new SelectOptionValue { Label = WarmAgent[0][..89] + "…" });
        await RecordAsync(page, TimeSpan.FromSeconds(2.5));
        await Axe.AssertAccessibleAsync(page, "the studio's clip recorder with a recording", output);
        await Artifacts.ScreenshotAsync(page, "clips-studio-recorded", output);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the clip" }).ClickAsync();
        await Assertions.Expect(page.Locator("#clip-done")).ToContainTextAsync("Saved");
        await Assertions.Expect(page.Locator("#clips-own li[data-clip]")).ToHaveCountAsync(1);

        await subject.SelectOptionAsync(new SelectOptionValue { Label = "Take your time, I'm here until it's sorted." });
        await page.GetByLabel("Managers only").CheckAsync();
        await Assertions.Expect(page.Locator("#clip-consent-text")).ToContainTextAsync("managers, and only they");
        await RecordAsync(page, TimeSpan.FromSeconds(1.5));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the clip" }).ClickAsync();
        await Assertions.Expect(page.Locator("#clips-own li[data-clip]")).ToHaveCountAsync(2);
        await Axe.AssertAccessibleAsync(page, "the studio's clips", output);
        await Artifacts.ScreenshotAsync(page, "clips-studio-list", output);

        // What MediaRecorder made is stored as sniffed WebM, its length read from its blocks.
        var stored = await _server.Get<IClipStore>().ListAsync(ana.Tenant, TeamId, 10, default);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, c => Assert.Equal("audio/webm", c.ContentType));
        var first = stored.Single(c => c.Audience == ClipAudience.Team);
        Assert.InRange(first.Seconds!.Value, 1.5, 3.5);
        Assert.Equal(WarmAgent[0], first.Transcript);

        // Refused as the API answers the page: a PNG (whatever it claims), and more than a clip may be.
        var refusals = await page.EvaluateAsync<int[]>("""
            async () => {
              const post = (body, type) => fetch('/studio/api/clips?kind=phrase&id=ana-phrase&audience=team&consent=true',
                { method: 'POST', headers: { 'X-RolePlay-Studio': '1', 'Content-Type': type }, body });
              const png = new Uint8Array([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
              return [(await post(png, 'audio/webm')).status, (await post(new Uint8Array(3 * 1024 * 1024 + 1), 'audio/webm')).status];
            }
            """);
        Assert.Equal([415, 413], refusals);

        // The dashboard: a player beside the landed phrase, "read aloud" beside those without, and the week's strip.
        var ranges = new ConcurrentBag<(int Status, string? Range, string? AcceptRanges)>();
        var dashboard = await context.NewPageAsync();
        dashboard.Response += (_, response) =>
        {
            if (response.Url.Contains("/clips/", StringComparison.Ordinal) && response.Url.EndsWith("/audio", StringComparison.Ordinal))
            {
                ranges.Add((response.Status, response.Headers.GetValueOrDefault("content-range"), response.Headers.GetValueOrDefault("accept-ranges")));
            }
        };
        await dashboard.GotoAsync(_server.Url("/dashboard/").ToString());
        await dashboard.Locator("body[data-ready]").WaitForAsync();
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "The team" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("#team-week")).ToBeVisibleAsync();
        var week = dashboard.Locator("#team-week .clip");
        await Assertions.Expect(week).ToHaveCountAsync(2); // local mode is the team's manager: both audiences
        await Assertions.Expect(week.Locator(".badge")).ToHaveTextAsync("managers only");
        var landed = dashboard.Locator("#team-skills .phrases li .clip audio");
        await Assertions.Expect(landed.First).ToBeAttachedAsync();
        Assert.StartsWith("Voice clip: I'm so sorry", await landed.First.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await Assertions.Expect(dashboard.Locator("#team-skills .read-aloud").First).ToHaveTextAsync("Read aloud (synthetic voice)");
        await Assertions.Expect(dashboard.Locator("#library .clip")).ToHaveCountAsync(1);

        var played = await week.First.Locator("audio").EvaluateAsync<double>("""
            async (audio) => {
              audio.muted = true;
              await audio.play();
              await new Promise((done) => { const t = setInterval(() => { if (audio.currentTime > 0.3) { clearInterval(t); done(); } }, 50); });
              audio.pause();
              return audio.currentTime;
            }
            """);
        Assert.True(played > 0.3, $"played {played} s");
        Assert.Contains(ranges, r => r.Status == 206 && r.Range is { } range && range.StartsWith("bytes 0-", StringComparison.Ordinal) && r.AcceptRanges == "bytes");
        await Axe.AssertAccessibleAsync(dashboard, "the dashboard with clips", output);
        await dashboard.Locator("#team-skills").ScrollIntoViewIfNeededAsync();
        await Artifacts.ScreenshotAsync(dashboard, "clips-dashboard", output);

        // Removed by its owner, it is gone from the dashboard at once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the clip: Take your time, I'm here until it's sorted." }).ClickAsync();
        await Assertions.Expect(page.Locator("#clips-own li[data-clip]")).ToHaveCountAsync(1);
        await dashboard.ReloadAsync();
        await dashboard.Locator("body[data-ready]").WaitForAsync();
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "The team" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("#team-week .clip")).ToHaveCountAsync(1);
    }

    private static async Task RecordAsync(IPage page, TimeSpan length)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#clip-countdown")).ToContainTextAsync("s left");
        await page.WaitForTimeoutAsync((float)length.TotalMilliseconds);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await Assertions.Expect(page.Locator("#clip-preview")).ToBeVisibleAsync();
        await page.Locator("#clip-consent").CheckAsync();
    }
}
