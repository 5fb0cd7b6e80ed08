using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace RolePlay.Bot.Tests;

/// <summary>Runs the real bot executable (the same build the README's commands run) and captures what it prints.</summary>
internal static class BotProcess
{
    private static readonly string BotDll = Path.Combine(AppContext.BaseDirectory, "RolePlay.Bot.dll");

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static async Task<Result> RunAsync(string stdin, params string[] args)
    {
        using var process = Start(args);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process); // a run that never ends (a server started by mistake) must not outlive the test
            throw;
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <param name="environment">Variables set for the bot on top of this process's own.</param>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(BotDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the bot");
    }

    /// <summary>Reads what a serving bot prints, so a full pipe never stalls it, and shows it with the test's output.</summary>
    public static void ShowOutput(Process process, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(process);
        var id = process.Id;
        void Show(string? line)
        {
            if (string.IsNullOrEmpty(line))
            {
                return;
            }

            try
            {
                output.WriteLine($"[{id}] {line}");
            }
            catch (InvalidOperationException)
            {
                // The test has ended; a killed bot's last lines have nowhere to go.
            }
        }

        process.OutputDataReceived += (_, line) => Show(line.Data);
        process.ErrorDataReceived += (_, line) => Show(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash.</summary>
    public static void Kill(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }
}
