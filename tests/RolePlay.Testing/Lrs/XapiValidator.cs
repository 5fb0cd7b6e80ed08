using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace RolePlay.Testing.Lrs;

/// <summary>
/// Checks statements with Learning Locker's xAPI validator (npm @learninglocker/xapi-validation, installed by
/// <c>npm ci --prefix tests</c>) through <c>node tests/tools/xapi-validate.mjs</c>: a second opinion from a real LRS's
/// rules beside <see cref="FakeLrs"/>'s own. It knows statement versions 1.0.x only. Without the package the test is
/// skipped, and fails in CI.
/// </summary>
public static class XapiValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>One line per problem, "statement 2: verb.id: ..." (the index in <paramref name="statements"/>); none
    /// when every statement is valid.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IEnumerable<JsonObject> statements)
    {
        var root = RepoRoot.Find();
        var script = Path.Combine(root, "tests", "tools", "xapi-validate.mjs");
        if (!File.Exists(Path.Combine(root, "tests", "node_modules", "@learninglocker", "xapi-validation", "package.json")))
        {
            if (SharedFolder.IsCi)
            {
                throw new InvalidOperationException("CI=true but tests/node_modules/@learninglocker/xapi-validation is missing: run npm ci --prefix tests.");
            }

            Skip.If(true, "npm package @learninglocker/xapi-validation is not installed (npm ci --prefix tests).");
        }

        // Copies: a statement that sits in another array or object cannot be added to this one.
        var input = new JsonArray([.. statements.Select(s => (JsonNode?)s.DeepClone())]).ToJsonString();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
            // No byte order mark: JSON.parse would choke on it.
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {script} did not finish within {Timeout.TotalSeconds:0} s.");
            }
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed with exit code {process.ExitCode}: {await error}");
        }

        var report = JsonNode.Parse(await output)!.AsArray();
        return report
            .SelectMany(entry => entry!["errors"]!.AsArray().Select(e => $"statement {entry["index"]}: {e!.GetValue<string>()}"))
            .ToList();
    }
}
