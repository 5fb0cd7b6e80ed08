using System.Diagnostics;
using System.Text;
using Xunit;

namespace RolePlay.Testing;

/// <summary>Runs one of the Node tools in <c>tests/tools</c> (their packages installed by <c>npm ci --prefix tests</c>):
/// arguments and optional standard input in, standard output back; a failure or a run past the timeout is an exception
/// with what the tool said.</summary>
public static class NodeTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, string? input = null)
    {
        var root = RepoRoot.Find();
        var path = Path.Combine(root, "tests", "tools", script);
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
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

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

        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"node {script} failed with exit code {process.ExitCode}: {await error}");
    }

    /// <summary>Skips the test when an npm package the tool needs is missing, except in CI, where that is a failure.</summary>
    public static void Require(string package)
    {
        if (File.Exists(Path.Combine(RepoRoot.Find(), "tests", "node_modules", package, "package.json")))
        {
            return;
        }

        if (SharedFolder.IsCi)
        {
            throw new InvalidOperationException($"CI=true but tests/node_modules/{package} is missing: run npm ci --prefix tests.");
        }

        Skip.If(true, $"npm package {package} is not installed (npm ci --prefix tests).");
    }
}
