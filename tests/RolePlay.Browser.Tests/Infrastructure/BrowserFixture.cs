using Microsoft.Playwright;

namespace RolePlay.Browser.Tests.Infrastructure;

/// <summary>One headless Debian Chromium for the whole run, driven by Playwright. Nothing is downloaded (no
/// <c>playwright install</c>), and every host name except localhost and 127.0.0.1 fails to resolve, so no page can reach
/// the network. Without /usr/bin/chromium the tests fail with a clear message in CI and skip elsewhere.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
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

            const string missing = $"Chromium is not installed at {ChromiumPath}: install it with 'apt-get install -y chromium' (.ci/run does).";
            if (InCi)
            {
                throw new InvalidOperationException(missing);
            }

            Skip.If(true, missing);
            throw new InvalidOperationException(missing);
        }
    }

    /// <summary>A fresh browser profile (its own cookies: one person) with axe-core loaded into every page.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
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
