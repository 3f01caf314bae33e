using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Csw.Command.Internal.Http;

/// <summary>
/// The one writer of a session's socket, on both ends. Whoever sends while nothing is being
/// written writes at once, on its own thread (no hand-over to a writer task, which would cost a
/// thread hop per message); envelopes sent meanwhile queue up and go out together, as one frame
/// (an array when there is more than one), which is what lets a busy session carry many small
/// requests cheaply.
/// </summary>
internal sealed class FrameSender(WebSocket socket, Action<Exception> onFailure)
{
    /// <summary>The most envelopes put in one frame.</summary>
    private const int MaxBatch = 512;

    /// <summary>Above this many queued envelopes, <see cref="WaitForRoomAsync"/> makes streams wait.</summary>
    private const int HighWater = 4096;

    private readonly ConcurrentQueue<Outgoing> _queue = new();

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    private readonly List<Outgoing> _batch = [];

    /// <summary>1 while someone is writing; only that one touches the buffer and the socket.</summary>
    private int _writing;

    /// <summary>Set once the socket failed; from then on envelopes are dropped.</summary>
    private volatile bool _failed;

    /// <summary>Completed when the queue drains below the high-water mark; replaced when it rises above.</summary>
    private TaskCompletionSource _room = NewRoom(completed: true);

    public void Send(in Outgoing item)
    {
        if (_failed)
        {
            return;
        }
        _queue.Enqueue(item);
        if (_queue.Count > HighWater && _room.Task.IsCompleted)
        {
            Interlocked.Exchange(ref _room, NewRoom(completed: false));
        }
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = DrainAsync();
        }
    }

    /// <summary>Completes when there is room in the queue: streams await it so that a slow reader slows them down.</summary>
    public Task WaitForRoomAsync() => _room.Task;

    private async Task DrainAsync()
    {
        try
        {
            while (true)
            {
                _batch.Clear();
                while (_batch.Count < MaxBatch && _queue.TryDequeue(out var item))
                {
                    _batch.Add(item);
                }
                if (_batch.Count == 0)
                {
                    Volatile.Write(ref _writing, 0);
                    // Someone may have queued after the last dequeue and seen us still writing.
                    if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                    {
                        return;
                    }
                    continue;
                }
                Encode();
                if (_queue.Count <= HighWater)
                {
                    _room.TrySetResult();
                }
                await socket.SendAsync(_buffer.WrittenMemory, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            _failed = true;
            _room.TrySetResult();
            onFailure(e);
        }
    }

    private void Encode()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        if (_batch.Count > 1)
        {
            writer.WriteStartArray();
        }
        foreach (var item in _batch)
        {
            SessionFrames.Write(writer, item);
        }
        if (_batch.Count > 1)
        {
            writer.WriteEndArray();
        }
    }

    private static TaskCompletionSource NewRoom(bool completed)
    {
        var room = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            room.SetResult();
        }
        return room;
    }
}
