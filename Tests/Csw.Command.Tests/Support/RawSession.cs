using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Support;

/// <summary>A bare WebSocket client of a command endpoint, for tests that send what CswNet's client never would.</summary>
internal sealed class RawSession : IAsyncDisposable
{
    /// <summary>Envelopes read but not yet asked for, by id.</summary>
    private readonly Dictionary<long, Queue<JsonElement>> _unclaimed = [];

    private RawSession(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<RawSession> ConnectAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new RawSession(socket);
    }

    public Task SendAsync(string frame) => Socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, default);

    /// <summary>The next envelope with id <paramref name="id"/>, reading (and keeping) others until it comes.</summary>
    public async Task<JsonElement> NextAsync(long id)
    {
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        while (true)
        {
            if (_unclaimed.TryGetValue(id, out var waiting) && waiting.TryDequeue(out var envelope))
            {
                return envelope;
            }
            var message = await ReceiveAsync(timeout.Token) ?? throw new InvalidOperationException($"The session was closed ({Socket.CloseStatus}: {Socket.CloseStatusDescription}) before envelope {id} came.");
            var root = JsonDocument.Parse(message).RootElement;
            foreach (var item in root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new[] { root })
            {
                var itemId = item.GetProperty("id").GetInt64();
                if (!_unclaimed.TryGetValue(itemId, out var queue))
                {
                    _unclaimed[itemId] = queue = new Queue<JsonElement>();
                }
                queue.Enqueue(item.Clone());
            }
        }
    }

    /// <summary>The error name and message of the next envelope for <paramref name="id"/>, which must be an error.</summary>
    public async Task<(string Name, string Message)> ErrorAsync(long id)
    {
        var envelope = await NextAsync(id);
        Assert.True(envelope.TryGetProperty("error", out var error), $"Expected an error for {id}, got {envelope}");
        return (error.GetProperty("error_name").GetString()!, error.GetProperty("error_message").GetString()!);
    }

    /// <summary>The <c>_type</c> of the response in the next envelope for <paramref name="id"/>, which must be a response.</summary>
    public async Task<string> ResponseTypeAsync(long id)
    {
        var envelope = await NextAsync(id);
        Assert.True(envelope.TryGetProperty("response", out var response), $"Expected a response for {id}, got {envelope}");
        return response.GetProperty("_type").GetString()!;
    }

    /// <summary>Reads until the server's close arrives; its status and reason.</summary>
    public async Task<(WebSocketCloseStatus? Status, string Reason)> ReadUntilClosedAsync()
    {
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        while (await ReceiveAsync(timeout.Token) is not null)
        {
        }
        return (Socket.CloseStatus, Socket.CloseStatusDescription ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }
        Socket.Dispose();
    }

    private async Task<byte[]?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer.GetMemory(64 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return buffer.WrittenSpan.ToArray();
            }
        }
    }
}
