using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlay.Bot.Tests.Dashboard;
using RolePlay.Testing.Logging;

namespace RolePlay.Bot.Tests.Web;

/// <summary>Bodies cut short by the caller, on the real host over a raw socket: one line at Information each, never an
/// error with a stack trace, and the host goes on serving.</summary>
public sealed class ClientFaultTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roleplay-faults-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private DashboardHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await DashboardHost.StartAsync(Path.Combine(_dir, "roleplay.db"), s => s.AddSingleton<ILoggerProvider>(_logs),
            "--Logging:LogLevel:RolePlay=Information");

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("/api/messages")]
    [InlineData("/studio/api/messages")]
    [InlineData("/studio/api/people")]
    public async Task A_body_cut_short_is_one_information_line_not_an_error(string path)
    {
        for (var i = 0; i < 20; i++)
        {
            await SendTruncatedAsync(path);
        }

        using var health = await _host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        IReadOnlyList<CapturingLoggerProvider.Entry> Faults() =>
            _logs.Entries.Where(e => e.Category.EndsWith("ClientFaultMiddleware", StringComparison.Ordinal) && e.Message.Contains(path, StringComparison.Ordinal)).ToList();
        await WaitForAsync(() => Faults().Count >= 20);
        Assert.Empty(_logs.Errors);
        Assert.Equal(20, Faults().Count);
        Assert.All(Faults(), e => Assert.Equal((LogLevel.Information, null), (e.Level, e.Exception)));
    }

    /// <summary>Declares 1,000 bytes, sends 10, and closes its side of the connection.</summary>
    private async Task SendTruncatedAsync(string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _host.BaseUri.Port);
        var stream = client.GetStream();
        var request = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{_host.BaseUri.Port}\r\nContent-Type: application/json\r\n" +
                      "X-RolePlay-Studio: 1\r\nContent-Length: 1000\r\n\r\n{\"text\":\"h";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        client.Client.Shutdown(SocketShutdown.Send);
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
                // Whatever Kestrel answers (400, or a reset): the test is about what the host logs.
            }
        }
        catch (IOException)
        {
            // Kestrel reset the connection after answering.
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
