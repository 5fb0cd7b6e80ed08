using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RolePlay.Infrastructure.Tests;

/// <summary>The real bot executable (RolePlay.Bot.dll, copied beside the tests by the project reference), started with
/// settings as environment variables the way Container Apps hands them over.</summary>
internal static class BotRun
{
    public const string Refusal = "RolePlay will not start: ";

    private static readonly string BotDll = Path.Combine(AppContext.BaseDirectory, "RolePlay.Bot.dll");

    /// <summary>Runs the bot until it exits (a refused start), on loopback whatever it is told.</summary>
    public static Task<Tool.Result> RunAsync(IReadOnlyDictionary<string, string> environment) =>
        Tool.RunAsync("dotnet", [BotDll, "--urls", "http://127.0.0.1:0"], AppContext.BaseDirectory, Quiet(environment));

    /// <summary>The lines in which the bot says why it will not start.</summary>
    public static IReadOnlyList<string> Refusals(Tool.Result result) =>
        [.. result.StdErr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(Refusal, StringComparison.Ordinal)).Select(l => l[Refusal.Length..])];

    /// <summary>Starts the bot serving on a free loopback port.</summary>
    public static Running Serve(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var bot = Process.Start(Tool.StartInfo("dotnet", [BotDll, "--urls", $"http://127.0.0.1:{port}"], AppContext.BaseDirectory, Quiet(environment)))
            ?? throw new InvalidOperationException("could not start the bot");
        return new Running(bot, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>A serving bot; what it prints is drained (so it never blocks on a full pipe) and kept for messages.</summary>
    public sealed class Running : IAsyncDisposable
    {
        private readonly Process _bot;
        private readonly StringBuilder _output = new();

        public Running(Process bot, Uri address)
        {
            _bot = bot;
            Address = address;
            bot.OutputDataReceived += (_, e) => Keep(e.Data);
            bot.ErrorDataReceived += (_, e) => Keep(e.Data);
            bot.BeginOutputReadLine();
            bot.BeginErrorReadLine();
        }

        public Uri Address { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _bot.Kill(entireProcessTree: true);
            await _bot.WaitForExitAsync();
            _bot.Dispose();
        }

        private void Keep(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static Dictionary<string, string> Quiet(IReadOnlyDictionary<string, string> environment) =>
        new(environment) { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
