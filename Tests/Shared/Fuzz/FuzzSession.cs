using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Csw.Tests.Shared.Fuzz;

/// <summary>
/// One CswNet session (<c>/session-endpoint</c>) that the fuzzer sends frames on: a reader notes
/// which ids were answered; a close answers everything still waiting.
/// </summary>
internal sealed class FuzzSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<string>> _waiting = new();
    private readonly Task _reading;
    private volatile string? _closed;

    private FuzzSession(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = ReadAsync();
    }

    public bool IsOpen => _closed is null && _socket.State == WebSocketState.Open;

    public static async Task<FuzzSession> OpenAsync(Uri uri, TimeSpan timeout)
    {
        var socket = new ClientWebSocket();
        using var limit = new CancellationTokenSource(timeout);
        await socket.ConnectAsync(uri, limit.Token).ConfigureAwait(false);
        return new FuzzSession(socket);
    }

    /// <summary>Sends <paramref name="frame"/>; the answer (an envelope kind, or "closed") for <paramref name="id"/>, or null at the timeout.</summary>
    public async Task<string?> AskAsync(byte[] frame, long id, TimeSpan timeout)
    {
        var answer = _waiting.GetOrAdd(id, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_closed is { } why)
        {
            return why;
        }
        try
        {
            using var limit = new CancellationTokenSource(timeout);
            await _socket.SendAsync(frame, WebSocketMessageType.Text, true, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The server closed meanwhile: the reader says so below.
        }
        try
        {
            return await answer.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    /// <summary>Sends <paramref name="frame"/> without waiting for any answer.</summary>
    public async Task SendAsync(byte[] frame, TimeSpan timeout)
    {
        try
        {
            using var limit = new CancellationTokenSource(timeout);
            await _socket.SendAsync(frame, WebSocketMessageType.Text, true, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The server closed meanwhile: the next ask learns it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", limit.Token).ConfigureAwait(false);
            }
            await _reading.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
        }
        _socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(16 * 1024), CancellationToken.None).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Close($"closed {_socket.CloseStatus}");
                    return;
                }
                Note(buffer.WrittenMemory);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            Close("dropped");
        }
    }

    private void Note(ReadOnlyMemory<byte> frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        foreach (var envelope in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : Enumerable.Repeat(root, 1))
        {
            var id = envelope.GetProperty("id").GetInt64();
            var kind = envelope.EnumerateObject().First(property => property.Name != "id").Name;
            if (_waiting.TryGetValue(id, out var answer))
            {
                answer.TrySetResult(kind);
            }
        }
    }

    private void Close(string why)
    {
        _closed = why;
        foreach (var answer in _waiting.Values)
        {
            answer.TrySetResult(why);
        }
    }
}
