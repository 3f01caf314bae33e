namespace Csw.Actors.Internal.Mailboxes;

/// <summary>
/// A mailbox holding at most <c>capacity</c> messages. A lock guards the queue: dropping the
/// oldest message is a producer taking from the consumer's end, which a lock-free ring cannot offer.
/// </summary>
internal sealed class BoundedMailbox<T> : Mailbox<T>
{
    /// <summary>The messages, oldest first; guarded by itself.</summary>
    private readonly Queue<T> _queue = new();

    /// <summary>The most messages held.</summary>
    private readonly int _capacity;

    /// <summary>What a full mailbox does.</summary>
    private readonly MailboxOverflowPolicy _overflow;

    /// <summary>The queue's count, readable without the lock.</summary>
    private int _count;

    public BoundedMailbox(IMessageInvoker<T> invoker, int capacity, MailboxOverflowPolicy overflow)
        : base(invoker)
    {
        _capacity = capacity;
        _overflow = overflow;
    }

    protected override bool TryEnqueue(T message)
    {
        T dropped;
        lock (_queue)
        {
            if (_queue.Count < _capacity)
            {
                _queue.Enqueue(message);
                Interlocked.Exchange(ref _count, _queue.Count);
                return true;
            }
            switch (_overflow)
            {
                case MailboxOverflowPolicy.FailSender:
                    return false;
                case MailboxOverflowPolicy.DropOldest:
                    dropped = _queue.Dequeue();
                    _queue.Enqueue(message);
                    break;
                default:
                    dropped = message;
                    break;
            }
        }
        OnDropped(dropped);
        return true;
    }

    protected override bool TryDequeue(out T message)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            message = default!;
            return false;
        }
        lock (_queue)
        {
            var taken = _queue.TryDequeue(out message!);
            Volatile.Write(ref _count, _queue.Count);
            return taken;
        }
    }

    protected override bool HasQueuedMessages => Volatile.Read(ref _count) > 0;
}
