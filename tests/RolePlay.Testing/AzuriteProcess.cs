using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RolePlay.Testing;

/// <summary>Which of Azurite's services to run.</summary>
public enum AzuriteService
{
    Table,
    Blob,
}

/// <summary>
/// Starts one of Azurite's services (installed by <c>npm ci --prefix tests</c>), in memory on a free loopback port unless
/// told otherwise, waits until it answers, and kills it on dispose. Shared by the contract tests and the benchmarks.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented; not a secret).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private readonly AzuriteService _service;

    private AzuriteProcess(Process process, int port, AzuriteService service)
    {
        _process = process;
        Port = port;
        _service = service;
    }

    private int _disposed;

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};{_service}Endpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>Where <c>npm ci --prefix tests</c> puts one of Azurite's services, or null when it is not installed.</summary>
    public static string? FindMain(AzuriteService service)
    {
        var main = Path.Combine(RepoRoot.Find(), "tests", "node_modules", "azurite", "dist", "src", service.ToString().ToLowerInvariant(), "main.js");
        return File.Exists(main) ? main : null;
    }

    /// <param name="port">A port to listen on (to start it again where a client still points); a free one when null.</param>
    /// <param name="location">A folder to keep the tables in, so they outlive a stop and start; in memory when null.</param>
    /// <param name="service">The table service (the store's tests) or the blob service (the key ring's).</param>
    public static async Task<AzuriteProcess> StartAsync(TimeSpan timeout, CancellationToken ct = default, int? port = null, string? location = null,
        AzuriteService service = AzuriteService.Table)
    {
        var main = FindMain(service) ?? throw new InvalidOperationException(
            "Azurite is not installed: run 'npm ci --prefix tests' at the repository root.");
        var name = service.ToString().ToLowerInvariant();
        var listenOn = port ?? FreePort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        // The blob SDK speaks a newer service version than the pinned Azurite knows; the calls used here are older.
        string[] versions = service == AzuriteService.Blob ? ["--skipApiVersionCheck"] : [];
        string[] arguments = [main, .. persistence, .. versions, "--disableTelemetry", "--silent", $"--{name}Host", "127.0.0.1", $"--{name}Port",
            listenOn.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, listenOn, service);
        try
        {
            await azurite.WaitUntilReadyAsync(timeout, output, ct).ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops Azurite; safe to call again (a test may stop it early to simulate an outage).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, StringBuilder output, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before it was ready: {Snapshot(output)}");
            }

            try
            {
                // An unsigned request is refused with 403 once the service listens: that is the readiness signal.
                var probe = _service == AzuriteService.Table ? "devstoreaccount1/Tables" : "devstoreaccount1?comp=list";
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/{probe}"), ct).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // The probe timed out; try again.
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }

        throw new TimeoutException($"Azurite did not answer on 127.0.0.1:{Port} within {timeout.TotalSeconds:0} s: {Snapshot(output)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.Length == 0 ? "(no output)" : output.ToString().Trim();
        }
    }
}

public static class RepoRoot
{
    /// <summary>Walks up from the running assembly to the folder holding RolePlay.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RolePlay.sln above {AppContext.BaseDirectory}.");
    }
}
