using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Csw.Faults.Tests.Support;

/// <summary>
/// A TCP proxy on a free loopback port that forwards every connection to a target port. The test
/// breaks the connections whenever it likes (<see cref="DropAll"/>: a reset, as a failing network
/// gives) and may move the target (a restarted process listens elsewhere).
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    private readonly ConcurrentDictionary<Socket, byte> _open = new();

    private readonly CancellationTokenSource _stop = new();

    private readonly Task _accepting;

    private volatile int _targetPort;

    private int _dropped;

    public TcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections broken so far by <see cref="DropAll"/>.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    public int TargetPort
    {
        set => _targetPort = value;
    }

    /// <summary>Resets every open connection, both sides.</summary>
    public void DropAll()
    {
        foreach (var socket in _open.Keys)
        {
            if (_open.TryRemove(socket, out _))
            {
                Interlocked.Increment(ref _dropped);
                socket.LingerState = new LingerOption(true, 0);
                socket.Dispose();
            }
        }
    }

    /// <summary>Resets every open connection every <paramref name="period"/> until <paramref name="stop"/>.</summary>
    public async Task DropEveryAsync(TimeSpan period, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                DropAll();
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropAll();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Dropped, or the target is down: the client sees its connection break.
        }
        finally
        {
            foreach (var socket in new[] { client, server })
            {
                if (_open.TryRemove(socket, out _))
                {
                    socket.Dispose();
                }
            }
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // One side broke: the other is closed by the caller.
        }
    }
}
