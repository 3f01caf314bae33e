using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Csw.Command.Tests.Support;

/// <summary>
/// A loopback TCP server that plays a misbehaving endpoint, one connection at a time: it reads each
/// request's head (and its body, by Content-Length), then does what it is told.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _connections;
    private int _closedByClient;
    private int _requests;

    /// <summary>What the server does with each request, once read.</summary>
    public enum Behaviour
    {
        /// <summary>Reads the request, then closes the connection without an answer.</summary>
        DropAfterRequest,

        /// <summary>Answers a WebSocket upgrade, then reads and ignores everything, pings included, answering nothing.</summary>
        SilentWebSocket,

        /// <summary>Reads the request and never answers.</summary>
        NeverAnswer,

        /// <summary>As <see cref="SilentWebSocket"/>, but answers the upgrade only once <see cref="Release"/> is completed.</summary>
        HeldWebSocket,
    }

    /// <summary>Lets <see cref="Behaviour.HeldWebSocket"/> answer.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Request heads read so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public RawHttpServer(Behaviour behaviour)
    {
        _listener.Start();
        _serving = ServeAsync(behaviour);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Uri => new($"http://127.0.0.1:{Port}/");

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections that the client closed or reset.</summary>
    public int ClosedByClient => Volatile.Read(ref _closedByClient);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(Behaviour behaviour)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = HandleAsync(client, behaviour);
        }
    }

    private async Task HandleAsync(TcpClient client, Behaviour behaviour)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                var head = await ReadHeadAsync(stream);
                Interlocked.Increment(ref _requests);
                if (behaviour == Behaviour.HeldWebSocket)
                {
                    await Release.Task.WaitAsync(_stop.Token);
                    behaviour = Behaviour.SilentWebSocket;
                }
                switch (behaviour)
                {
                    case Behaviour.DropAfterRequest:
                        var length = Header(head, "Content-Length") is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
                        var body = new byte[length];
                        await stream.ReadExactlyAsync(body, _stop.Token);
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    case Behaviour.SilentWebSocket:
                        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(Header(head, "Sec-WebSocket-Key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
                        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"), _stop.Token);
                        break;
                }
                var buffer = new byte[16 * 1024];
                while (await stream.ReadAsync(buffer, _stop.Token) > 0)
                {
                }
                Interlocked.Increment(ref _closedByClient);
            }
            catch (IOException)
            {
                Interlocked.Increment(ref _closedByClient);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("closed before the request head ended");
            }
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    private static string? Header(string head, string name) =>
        head.Split("\r\n").Select(line => line.Split(':', 2)).FirstOrDefault(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();
}
