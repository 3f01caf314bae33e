using System.Collections.Concurrent;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// Collects what any thread adds and hands it on in batches, from the thread pool: the first item
/// added to an empty batcher schedules a send behind the work already queued, and whatever is added
/// until it runs goes with it. One caller alone waits for one thread-pool hop; many callers at once
/// share a send. Sends never overlap, and keep the order of adding.
/// </summary>
internal sealed class Batcher<T>(Action<List<T>> send, Action<Exception> failed) : IThreadPoolWorkItem
{
    private readonly ConcurrentQueue<T> _queue = new();
    private int _scheduled;

    public void Add(T item)
    {
        _queue.Enqueue(item);
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        var items = new List<T>(_queue.Count);
        while (_queue.TryDequeue(out var item))
        {
            items.Add(item);
        }
        try
        {
            if (items.Count > 0)
            {
                send(items);
            }
        }
        catch (Exception e)
        {
            failed(e);
        }
        // Only now may another send be scheduled (sends never overlap). The exchange is a full fence
        // before the queue is read again: an item added meanwhile is sent, by this or by its adder.
        Interlocked.Exchange(ref _scheduled, 0);
        if (!_queue.IsEmpty && Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
