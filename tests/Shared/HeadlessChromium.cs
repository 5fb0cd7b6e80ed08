using Microsoft.Playwright;

namespace RolePlay.Testing.Browser;

/// <summary>Debian's Chromium driven by Playwright, the one way the browser tests and the page benchmarks start it:
/// nothing is downloaded (no <c>playwright install</c>), and every host name except localhost and 127.0.0.1 fails to
/// resolve, so no page can reach the network. Linked as source into the projects that use Playwright, so the test
/// projects without a browser do not carry its driver.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    /// <param name="extraArgs">More Chromium switches (the browser tests' fake microphone).</param>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArgs) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                .. extraArgs,
            ],
        });

    /// <summary>Playwright would otherwise fetch its own browsers on first use.</summary>
    public static Task<IPlaywright> StartPlaywrightAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return Playwright.CreateAsync();
    }
}
