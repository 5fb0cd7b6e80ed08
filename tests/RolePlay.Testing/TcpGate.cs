using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RolePlay.Testing;

/// <summary>A loopback TCP relay in front of a service that a test closes (new connections refused, open ones cut) and
/// opens again on the same port: a network outage, with the service and its data untouched behind it.</summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly int _target;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource _closing = new();

    private TcpGate(int target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Opens a gate on a free loopback port in front of <paramref name="targetPort"/>.</summary>
    public static TcpGate Start(int targetPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var gate = new TcpGate(targetPort, ((IPEndPoint)listener.LocalEndpoint).Port);
        gate.Accept(listener);
        return gate;
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Close()
    {
        _closing.Cancel();
        _listener?.Stop();
        _listener = null;
        foreach (var client in _open.Keys)
        {
            client.Dispose();
        }

        _open.Clear();
    }

    /// <summary>Takes connections again, on the same port.</summary>
    public void Open()
    {
        _closing.Dispose();
        _closing = new CancellationTokenSource();
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        Accept(listener);
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _closing.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Accept(TcpListener listener)
    {
        _listener = listener;
        var closing = _closing.Token;
        _ = Task.Run(async () =>
        {
            while (!closing.IsCancellationRequested)
            {
                TcpClient inbound;
                try
                {
                    inbound = await listener.AcceptTcpClientAsync(closing);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = RelayAsync(inbound, closing);
            }
        }, CancellationToken.None);
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken closing)
    {
        using var outbound = new TcpClient();
        _open[inbound] = 0;
        _open[outbound] = 0;
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _target, closing);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), closing);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), closing);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Cut by Close, or one side hung up.
        }
        finally
        {
            _open.TryRemove(inbound, out _);
            _open.TryRemove(outbound, out _);
            inbound.Dispose();
        }
    }
}
