namespace Csw.Actors.Internal.Mailboxes;

/// <summary>
/// A mailbox without a limit: a chain of <see cref="MpscSegment{T}"/> rings. It starts with a
/// tiny ring, so idle actors stay small, and a ring that fills is followed by one twice its size
/// (up to <see cref="MaxSegmentLength"/>). A ring that never fills is reused forever: steady
/// traffic allocates nothing.
/// </summary>
internal sealed class UnboundedMailbox<T> : Mailbox<T>
{
    internal const int FirstSegmentLength = 2;
    internal const int MaxSegmentLength = 1024;

    /// <summary>The ring the consumer takes from.</summary>
    private MpscSegment<T> _head;

    /// <summary>The ring producers add to.</summary>
    private MpscSegment<T> _tail;

    public UnboundedMailbox(IMessageInvoker<T> invoker)
        : base(invoker)
    {
        _head = _tail = new MpscSegment<T>(FirstSegmentLength);
    }

    protected override bool TryEnqueue(T message)
    {
        while (true)
        {
            var tail = Volatile.Read(ref _tail);
            if (tail.TryEnqueue(message))
            {
                return true;
            }
            Grow(tail);
        }
    }

    protected override bool TryDequeue(out T message)
    {
        var head = _head;
        while (true)
        {
            if (head.TryDequeue(out message))
            {
                return true;
            }
            var next = Volatile.Read(ref head.Next);
            if (next is null || !head.IsDrained)
            {
                return false;
            }
            _head = head = next;
        }
    }

    protected override bool HasQueuedMessages => _head.HasItem || Volatile.Read(ref _head.Next) is not null;

    private void Grow(MpscSegment<T> full)
    {
        // Rare: only when a ring fills. The lock keeps two producers from linking two rings.
        lock (full)
        {
            if (full.Next is null)
            {
                full.Freeze();
                var next = new MpscSegment<T>(Math.Min(full.Length * 2, MaxSegmentLength));
                Volatile.Write(ref full.Next, next);
                Volatile.Write(ref _tail, next);
            }
        }
    }
}
