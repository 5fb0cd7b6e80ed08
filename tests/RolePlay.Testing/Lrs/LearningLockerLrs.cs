using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace RolePlay.Testing.Lrs;

/// <summary>
/// Learning Locker's own LRS statements service (npm <c>xapi-statements</c>, installed by <c>npm ci --prefix tests</c>)
/// in memory on a loopback port, through <c>tests/tools/xapi-lrs.cjs</c>: a real LRS's rules (its validation, 409 for
/// an id holding other content, voiding) beside <see cref="FakeLrs"/>'s scripted faults. It accepts any credentials
/// and only xAPI 1.0.x. Without the package the test is skipped, and fails in CI.
/// </summary>
public sealed class LearningLockerLrs : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _data;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private LearningLockerLrs(Process process, string data, Uri endpoint)
    {
        _process = process;
        _data = data;
        Endpoint = endpoint;
    }

    /// <summary>The xAPI base URL (<c>…/xAPI/</c>), statements under it.</summary>
    public Uri Endpoint { get; }

    public static async Task<LearningLockerLrs> StartAsync()
    {
        var root = RepoRoot.Find();
        if (!File.Exists(Path.Combine(root, "tests", "node_modules", "xapi-statements", "package.json")))
        {
            if (SharedFolder.IsCi)
            {
                throw new InvalidOperationException("CI=true but tests/node_modules/xapi-statements is missing: run npm ci --prefix tests.");
            }

            Skip.If(true, "npm package xapi-statements is not installed (npm ci --prefix tests).");
        }

        var data = Directory.CreateTempSubdirectory("roleplay-learning-locker-").FullName;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(Path.Combine(root, "tests", "tools", "xapi-lrs.cjs"));
        start.ArgumentList.Add(data);
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Learning Locker's LRS exited before it listened: {Snapshot()}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var endpoint = await ready.Task.WaitAsync(StartTimeout);
            return new LearningLockerLrs(process, data, endpoint);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Directory.Delete(data, recursive: true);
            throw;
        }

        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.StartsWith("LRS_READY ", StringComparison.Ordinal))
            {
                ready.TrySetResult(new Uri(line["LRS_READY ".Length..].Trim()));
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Every statement the LRS keeps and has not voided (one page: the tests send few).</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync()
    {
        using var response = await _http.SendAsync(Request("statements?limit=0"));
        var page = JsonNode.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!;
        return [.. page["statements"]!.AsArray().Select(s => s!.AsObject())];
    }

    /// <summary>One statement as the LRS keeps it, by id (or by voidedStatementId once voided); null when it has none.</summary>
    public async Task<JsonObject?> GetAsync(string statementId, bool voided = false)
    {
        using var response = await _http.SendAsync(Request($"statements?{(voided ? "voidedStatementId" : "statementId")}={Uri.EscapeDataString(statementId)}"));
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null
            : JsonNode.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!.AsObject();
    }

    private HttpRequestMessage Request(string relative)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Endpoint, relative));
        request.Headers.Add("X-Experience-API-Version", "1.0.3");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("test:test")));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
