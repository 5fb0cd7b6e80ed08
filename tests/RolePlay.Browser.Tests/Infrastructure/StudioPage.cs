using Microsoft.Playwright;

namespace RolePlay.Browser.Tests.Infrastructure;

/// <summary>The studio page as a person uses it, for tests that are about something else than the clicks.</summary>
public sealed class StudioPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Transcript => Page.Locator("#transcript");

    public ILocator Message => Page.Locator("#message");

    /// <summary>A card in the transcript by its Core id ("debrief.feelings").</summary>
    public ILocator Card(string cardId) => Page.Locator($"#transcript li[data-card-id='{cardId}']");

    public static async Task<StudioPage> OpenAsync(IBrowserContext context, StudioServer server)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(server);
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url("/").ToString());
        return new StudioPage(page);
    }

    public async Task JoinAsync(string name)
    {
        await Page.GetByLabel("What should we call you?").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start practising" }).ClickAsync();
        await Card("welcome").WaitForAsync();
    }

    public async Task StartAsync(string scenarioId, string intensity)
    {
        await Page.Locator($"input[name=scenario][value='{scenarioId}']").CheckAsync();
        await Page.Locator($"input[name=intensity][value='{intensity}']").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the practice" }).ClickAsync();
        await LivePracticeAsync();
    }

    /// <summary>Waits until the page shows a practice going (the chat beside the picker, the live scenario marked).</summary>
    public async Task LivePracticeAsync() => await Page.Locator("#practice-view.live").WaitForAsync();

    public async Task WaitUntilLiveAsync() =>
        await Page.Locator("#live-state[data-live='true']").WaitForAsync();

    /// <summary>Sends one reply and waits until the page shows it and something after it.</summary>
    public async Task SayAsync(string text)
    {
        var before = await Transcript.Locator("li").CountAsync();
        await Message.FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Page.WaitForFunctionAsync("n => document.querySelectorAll('#transcript li').length > n + 1", before);
    }

    /// <summary>Messages by who wrote them: you, customer, coach, or bot (the bot itself, and its cards).</summary>
    public ILocator Entries(string author) => Transcript.Locator($"li.from-{author}");
}
