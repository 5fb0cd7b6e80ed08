using System.Diagnostics;

namespace RolePlay.Infrastructure.Tests;

/// <summary>Runs a command line tool to its end and keeps what it printed.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string Output => StdOut + StdErr;
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(file, args, workingDirectory, environment))
            ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
