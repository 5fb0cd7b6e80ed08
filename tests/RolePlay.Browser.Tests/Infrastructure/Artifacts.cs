using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests.Infrastructure;

/// <summary>Screenshots kept as test artifacts beside the test assembly (bin/…/artifacts), their paths printed.</summary>
public static class Artifacts
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static async Task ScreenshotAsync(IPage page, string name, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>What every studio screen must pass: accessible, nothing wider than the screen, and a screenshot kept
    /// as "{prefix}-{screen}-{step}".</summary>
    public static async Task CheckScreenAsync(IPage page, Screen screen, string prefix, string step, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(screen);
        await Axe.AssertAccessibleAsync(page, $"{step} ({screen.Name})", output);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Xunit.Assert.True(widths[0] <= widths[1], $"{step} on {screen.Name} scrolls sideways: {widths[0]} px wide on a {widths[1]} px screen.");
        await ScreenshotAsync(page, $"{prefix}-{screen.Name}-{step}", output);
    }
}
