namespace Csw.Actors.Internal.Mailboxes;

/// <summary>
/// A fixed-size ring of slots for many producers and one consumer (after Vyukov's bounded queue):
/// each slot carries a sequence number saying whether it is free for position p (p) or holds the
/// item of position p (p + 1). The ring is reused for as long as it never fills; a full ring is
/// frozen and the queue links a larger one behind it.
/// </summary>
internal sealed class MpscSegment<T>
{
    /// <summary>The ring; its length is a power of two.</summary>
    private readonly Slot[] _slots;

    /// <summary>The next position to take; the consumer's alone.</summary>
    private int _head;

    /// <summary>The next position to fill; producers reserve positions with a CAS.</summary>
    private int _tail;

    /// <summary>The segment that follows once this one is frozen; set once, under the queue's growth lock.</summary>
    internal MpscSegment<T>? Next;

    public MpscSegment(int length)
    {
        _slots = new Slot[length];
        for (var i = 0; i < length; i++)
        {
            _slots[i].Sequence = i;
        }
    }

    public int Length => _slots.Length;

    /// <summary>Adds an item; false when the ring is full or frozen.</summary>
    public bool TryEnqueue(T item)
    {
        var slots = _slots;
        while (true)
        {
            var tail = Volatile.Read(ref _tail);
            ref var slot = ref slots[tail & (slots.Length - 1)];
            var difference = Volatile.Read(ref slot.Sequence) - tail;
            if (difference == 0)
            {
                if (Interlocked.CompareExchange(ref _tail, tail + 1, tail) == tail)
                {
                    slot.Item = item;
                    // A full fence: the consumer and the mailbox's status check both rely on it.
                    Interlocked.Exchange(ref slot.Sequence, tail + 1);
                    return true;
                }
            }
            else if (difference < 0)
            {
                return false;
            }
        }
    }

    /// <summary>Takes the oldest item, if it has been published; the consumer only.</summary>
    public bool TryDequeue(out T item)
    {
        var head = _head;
        var slots = _slots;
        ref var slot = ref slots[head & (slots.Length - 1)];
        if (Volatile.Read(ref slot.Sequence) != head + 1)
        {
            item = default!;
            return false;
        }
        item = slot.Item;
        slot.Item = default!;
        Volatile.Write(ref slot.Sequence, head + slots.Length);
        _head = head + 1;
        return true;
    }

    /// <summary>Whether the oldest item has been published; the consumer only.</summary>
    public bool HasItem => Volatile.Read(ref _slots[_head & (_slots.Length - 1)].Sequence) == _head + 1;

    /// <summary>Whether every item ever added has been taken; call only once <see cref="Next"/> is set,
    /// which happens after freezing, so no item can be added any more.</summary>
    public bool IsDrained => _head == Volatile.Read(ref _tail) - FreezeOffset;

    /// <summary>Added to <see cref="_tail"/> on freezing, so that every later enqueue sees a full ring.</summary>
    private int FreezeOffset => _slots.Length * 2;

    /// <summary>Refuses all further items. Called once, under the queue's growth lock.</summary>
    public void Freeze() => Interlocked.Add(ref _tail, FreezeOffset);

    private struct Slot
    {
        public T Item;
        public int Sequence;
    }
}
