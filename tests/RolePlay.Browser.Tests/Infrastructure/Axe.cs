using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RolePlay.Browser.Tests.Infrastructure;

/// <summary>axe-core from npm (tests/package.json, pinned), run inside the page: a page passes when it has no serious or
/// critical violation of WCAG 2.1 A/AA (contrast, labels, names, landmarks...). Lesser findings are printed.</summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(Load);

    public static string Source => Script.Value;

    public static async Task AssertAccessibleAsync(IPage page, string what, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
              return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + (n.failureSummary || "")) }));
            }
            """);
        var serious = new List<string>();
        foreach (var v in violations.EnumerateArray())
        {
            var line = $"{v.GetProperty("impact").GetString()}: {v.GetProperty("id").GetString()} — {v.GetProperty("help").GetString()}\n    " +
                       string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
            output.WriteLine($"axe on {what}: {line}");
            if (v.GetProperty("impact").GetString() is "serious" or "critical")
            {
                serious.Add(line);
            }
        }

        Assert.True(serious.Count == 0, $"axe found serious or critical problems on {what}:\n{string.Join("\n", serious)}");
    }

    private static string Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        const string missing = "axe-core is not installed: run 'npm ci --prefix tests' (test.sh does).";
        if (BrowserFixture.InCi)
        {
            throw new InvalidOperationException(missing);
        }

        Skip.If(true, missing);
        throw new InvalidOperationException(missing);
    }
}
