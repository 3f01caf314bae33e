using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace Csw.Command.Internal.Http;

/// <summary>
/// The one writer of a session's socket, on both ends. Whoever sends while nothing is being
/// written writes at once, on its own thread (no hand-over to a writer task, which would cost a
/// thread hop per message); envelopes sent meanwhile queue up and go out together, as one frame
/// (an array when there is more than one), which is what lets a busy session carry many small
/// requests cheaply. A frame that the peer does not take within the send timeout fails the
/// sender: a peer that stopped reading is dropped, not waited for.
/// </summary>
internal sealed class FrameSender
{
    /// <summary>The most envelopes put in one frame.</summary>
    private const int MaxBatch = 512;

    /// <summary>A frame takes no more envelopes once it is this long, so that frames stay well under a client's message limit.</summary>
    private const int MaxBatchBytes = 256 * 1024;

    /// <summary>Above this many queued envelopes, <see cref="WaitForRoomAsync"/> makes streams wait.</summary>
    private const int HighWater = 4096;

    private readonly WebSocket _socket;

    private readonly TimeSpan _sendTimeout;

    private readonly Action<Exception> _onFailure;

    private readonly ConcurrentQueue<Outgoing> _queue = new();

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    private readonly Utf8JsonWriter _writer;

    /// <summary>Makes the check of <see cref="_queued"/> and the change of <see cref="_room"/> one step.</summary>
    private readonly Lock _roomLock = new();

    /// <summary>Envelopes queued and not yet taken into a frame (kept here: the queue's own count is a snapshot that costs a scan).</summary>
    private int _queued;

    /// <summary>1 while someone is writing; only that one touches the buffer and the socket.</summary>
    private int _writing;

    /// <summary>Set once the socket failed or the sender was completed; from then on envelopes are dropped.</summary>
    private volatile bool _closed;

    /// <summary>Completed when the queue is at or below the high-water mark; replaced, under <see cref="_roomLock"/>, when it rises above.</summary>
    private TaskCompletionSource _room = NewRoom(completed: true);

    /// <summary>Set by a writer that lets go after <see cref="CompleteAsync"/> began, which then takes over.</summary>
    private TaskCompletionSource? _letGo;

    public FrameSender(WebSocket socket, TimeSpan sendTimeout, Action<Exception> onFailure)
    {
        _socket = socket;
        _sendTimeout = sendTimeout;
        _onFailure = onFailure;
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>Envelopes waiting to be written.</summary>
    public int Queued => Volatile.Read(ref _queued);

    public void Send(in Outgoing item)
    {
        if (_closed)
        {
            return;
        }
        _queue.Enqueue(item);
        if (Interlocked.Increment(ref _queued) > HighWater)
        {
            lock (_roomLock)
            {
                if (Volatile.Read(ref _queued) > HighWater && _room.Task.IsCompleted)
                {
                    _room = NewRoom(completed: false);
                }
            }
        }
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = DrainAsync();
        }
    }

    /// <summary>Completes when there is room in the queue: streams await it so that a slow reader slows them down.</summary>
    public Task WaitForRoomAsync()
    {
        lock (_roomLock)
        {
            return _room.Task;
        }
    }

    /// <summary>
    /// Stops taking envelopes, writes those queued, and keeps the socket for the caller, who may then
    /// close it: nothing is written after this returns. False when the socket failed or the writing
    /// did not finish within <paramref name="wait"/>.
    /// </summary>
    public async Task<bool> CompleteAsync(TimeSpan wait)
    {
        _closed = true;
        var deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _letGo, letGo);
            if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
            {
                // The writer is ours for good: no other starts, since _writing stays 1.
                return await WriteQueuedAsync().ConfigureAwait(false);
            }
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }
            try
            {
                await letGo.Task.WaitAsync(left).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    private async Task DrainAsync()
    {
        while (await WriteQueuedAsync().ConfigureAwait(false))
        {
            Volatile.Write(ref _writing, 0);
            // Someone may have queued after the last dequeue and seen us still writing.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
            {
                if (_closed)
                {
                    Volatile.Read(ref _letGo)?.TrySetResult();
                }
                return;
            }
        }
    }

    /// <summary>Writes until the queue is empty; false when the socket failed (the failure is reported).</summary>
    private async Task<bool> WriteQueuedAsync()
    {
        try
        {
            while (Encode() is var count and > 0)
            {
                if (Interlocked.Add(ref _queued, -count) <= HighWater)
                {
                    lock (_roomLock)
                    {
                        if (Volatile.Read(ref _queued) <= HighWater)
                        {
                            _room.TrySetResult();
                        }
                    }
                }
                // Most sends complete at once (the frame fits in the socket's buffer): only one that
                // waits is given a deadline, so the fast path costs no timer.
                var sending = _socket.SendAsync(_buffer.WrittenMemory, WebSocketMessageType.Text, true, CancellationToken.None);
                if (sending.IsCompleted)
                {
                    sending.GetAwaiter().GetResult();
                    continue;
                }
                await WaitSentAsync(sending.AsTask()).ConfigureAwait(false);
            }
            return true;
        }
        catch (Exception e)
        {
            _closed = true;
            lock (_roomLock)
            {
                _room.TrySetResult();
            }
            Volatile.Read(ref _letGo)?.TrySetResult();
            _onFailure(e);
            return false;
        }
    }

    /// <summary>Waits for a send that did not complete at once, at most the send timeout; then the socket is aborted.</summary>
    private async Task WaitSentAsync(Task sending)
    {
        try
        {
            await sending.WaitAsync(_sendTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            _socket.Abort();
            // The abort fails the send; nobody waits for it any more.
            _ = sending.ContinueWith(static done => _ = done.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw new SendTimeoutException(_sendTimeout, e);
        }
    }

    /// <summary>Puts queued envelopes into the buffer as one frame; how many it took.</summary>
    private int Encode()
    {
        if (!_queue.TryDequeue(out var first))
        {
            return 0;
        }
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        // Only this writer dequeues, so more is there to take when the queue is not empty now.
        var batch = !_queue.IsEmpty;
        if (batch)
        {
            _writer.WriteStartArray();
        }
        SessionFrames.Write(_writer, first);
        var count = 1;
        while (batch && count < MaxBatch && _writer.BytesCommitted + _writer.BytesPending < MaxBatchBytes && _queue.TryDequeue(out var item))
        {
            SessionFrames.Write(_writer, item);
            count++;
        }
        if (batch)
        {
            _writer.WriteEndArray();
        }
        _writer.Flush();
        return count;
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
