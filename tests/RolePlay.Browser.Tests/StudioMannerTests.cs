using Microsoft.Playwright;
using RolePlay.Browser.Tests.Infrastructure;
using RolePlay.Testing.Manners;

namespace RolePlay.Browser.Tests;

/// <summary>The studio shows the customer's reply in the manner the engine chose, and a customer going quiet takes
/// visibly longer to answer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioMannerTests(BrowserFixture browser) : IAsyncLifetime
{
    private StudioServer _server = null!;

    public async Task InitializeAsync() => _server = await StudioServer.StartAsync($"--Practice:Seed={MannerScenes.Seed}");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [SkippableTheory]
    [InlineData("Terse")]
    [InlineData("Raised")]
    [InlineData("Warm")]
    public async Task The_customers_reply_is_shown_in_the_manner_the_engine_chose(string manner)
    {
        var scene = MannerScenes.All.Single(s => s.Manner.ToString() == manner);
        var studio = await StartAsync(scene);
        var opening = await studio.Entries("customer").Locator(".body").AllTextContentsAsync();

        await studio.SayAsync(scene.Messages[0]);

        await Assertions.Expect(studio.Entries("customer").Locator(".body"))
            .ToHaveTextAsync([.. opening, .. Words(MannerScenes.Shown(scene), scene)]);
    }

    [SkippableFact]
    public async Task A_customer_going_quiet_is_typing_for_longer_before_the_words_show()
    {
        var scene = MannerScenes.Quiet;
        var studio = await StartAsync(scene);
        var page = studio.Page;
        // The page marks when the typing shows and when the customer's bubble lands.
        await page.EvaluateAsync("""
            () => {
              window.typingShown = 0;
              new MutationObserver(() => { if (!document.getElementById('typing').hidden && !window.typingShown) window.typingShown = performance.now(); })
                .observe(document.getElementById('typing'), { attributes: true });
            }
            """);
        var before = await studio.Entries("customer").CountAsync();

        await studio.SayAsync(scene.Messages[0]);
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#transcript li.from-customer').length > n", before);
        var typedFor = await page.EvaluateAsync<double>("() => performance.now() - window.typingShown");

        var shown = Words(MannerScenes.Shown(scene), scene);
        await Assertions.Expect(studio.Entries("customer").Last.Locator(".body")).ToHaveTextAsync(shown[^1]);
        Assert.StartsWith("...", shown[0], StringComparison.Ordinal);
        // The plain pace is at most 1.4 s a line; going quiet adds 2.2 s.
        Assert.True(typedFor >= 2200, $"typing showed for {typedFor:0} ms");
    }

    private static string[] Words(IEnumerable<string> shown, MannerScenes.Scene scene) =>
        shown.Select(line => line[(scene.Customer.Length + 2)..]).ToArray();

    private async Task<StudioPage> StartAsync(MannerScenes.Scene scene)
    {
        var context = await browser.NewContextAsync();
        var studio = await StudioPage.OpenAsync(context, _server);
        await studio.JoinAsync("Ana " + scene.Manner);
        await studio.StartAsync(scene.ScenarioId, "medium");
        await studio.Entries("customer").First.WaitForAsync();
        return studio;
    }
}
