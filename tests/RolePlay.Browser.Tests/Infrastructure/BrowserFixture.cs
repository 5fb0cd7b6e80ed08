using Microsoft.Playwright;
using RolePlay.Testing.Browser;

namespace RolePlay.Browser.Tests.Infrastructure;

/// <summary>One headless Debian Chromium for the whole run, driven by Playwright. Nothing is downloaded (no
/// <c>playwright install</c>), and every host name except localhost and 127.0.0.1 fails to resolve, so no page can reach
/// the network. Without /usr/bin/chromium the tests fail with a clear message in CI and skip elsewhere.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            return;
        }

        _playwright = await HeadlessChromium.StartPlaywrightAsync();
        // A fake microphone (Chromium's test tone) that needs no permission prompt, for recording voice clips.
        _browser = await HeadlessChromium.LaunchAsync(_playwright, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream");
    }

    /// <summary>The browser, or a skip (locally) / failure (CI) that says what is missing.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is not null)
            {
                return _browser;
            }

            const string missing = $"Chromium is not installed at {HeadlessChromium.Path}: install it with 'apt-get install -y chromium' (.ci/run does).";
            if (InCi)
            {
                throw new InvalidOperationException(missing);
            }

            Skip.If(true, missing);
            throw new InvalidOperationException(missing);
        }
    }

    /// <summary>A fresh browser profile (its own cookies: one person) with axe-core loaded into every page.</summary>
    public Task<IBrowserContext> NewContextAsync() => NewContextAsync(Screen.Desktop);

    /// <summary>A fresh profile as on <paramref name="screen"/>: its size and the system's light or dark theme.</summary>
    public async Task<IBrowserContext> NewContextAsync(Screen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = screen.Width, Height = screen.Height },
            ColorScheme = screen.Dark ? ColorScheme.Dark : ColorScheme.Light,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        // An init script runs outside the page's Content-Security-Policy, which (rightly) forbids inline scripts.
        await context.AddInitScriptAsync(Axe.Source);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
