using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Support;

/// <summary>
/// A WebSocket client written on a bare TCP socket, which opens a WebSocket, sends what it is told,
/// and then answers nothing, not even pings: what a peer whose machine vanished looks like.
/// </summary>
internal sealed class HalfOpenPeer : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private HalfOpenPeer(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Opens a WebSocket on <paramref name="path"/> at loopback <paramref name="port"/>.</summary>
    public static async Task<HalfOpenPeer> ConnectAsync(int port, string path)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var peer = new HalfOpenPeer(tcp);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await peer._stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var head = await peer.ReadHeadAsync();
        Assert.StartsWith("HTTP/1.1 101", head);
        return peer;
    }

    /// <summary>Sends one text message (masked, as a client must).</summary>
    public async Task SendTextAsync(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new List<byte> { 0x81 };
        if (payload.Length < 126)
        {
            frame.Add((byte)(0x80 | payload.Length));
        }
        else
        {
            frame.Add(0x80 | 126);
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }
        var mask = RandomNumberGenerator.GetBytes(4);
        frame.AddRange(mask);
        frame.AddRange(payload.Select((b, i) => (byte)(b ^ mask[i % 4])));
        await _stream.WriteAsync(frame.ToArray());
    }

    /// <summary>Reads (and ignores) whatever the server sends until it drops the connection.</summary>
    public async Task WaitUntilDroppedAsync()
    {
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        var buffer = new byte[64 * 1024];
        try
        {
            while (await _stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Reset: dropped too.
        }
    }

    public void Dispose() => _tcp.Dispose();

    private async Task<string> ReadHeadAsync()
    {
        var head = new StringBuilder();
        var one = new byte[1];
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await _stream.ReadAsync(one, timeout.Token) == 0)
            {
                break;
            }
            head.Append((char)one[0]);
        }
        return head.ToString();
    }
}
