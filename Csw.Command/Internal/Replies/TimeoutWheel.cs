namespace Csw.Command.Internal.Replies;

/// <summary>
/// A hashed timing wheel for ask timeouts: adding and removing an entry is O(1) under a
/// per-bucket lock and allocates nothing, where a timer or CancellationTokenSource per ask would
/// cost hundreds of bytes. Resolution is <see cref="TickMilliseconds"/>. One wheel serves the
/// whole process; its timer runs only while entries are waiting.
/// </summary>
internal sealed class TimeoutWheel
{
    internal const int TickMilliseconds = 10;
    private const int BucketCount = 512;

    /// <summary>The process-wide wheel.</summary>
    public static TimeoutWheel Shared { get; } = new();

    /// <summary>The buckets; an entry sits in the one of its deadline's tick.</summary>
    private readonly Bucket[] _buckets;

    /// <summary>Fires every tick while <see cref="_count"/> &gt; 0.</summary>
    private readonly Timer _timer;

    /// <summary>Entries waiting.</summary>
    private int _count;

    /// <summary>The last tick whose bucket was swept; touched only by the timer callback, which never overlaps itself.</summary>
    private long _sweptTick;

    /// <summary>1 while a sweep runs: timer callbacks can overlap when one runs late.</summary>
    private int _sweeping;

    private TimeoutWheel()
    {
        _buckets = new Bucket[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            _buckets[i] = new Bucket();
        }
        _sweptTick = Environment.TickCount64 / TickMilliseconds;
        _timer = new Timer(static state => ((TimeoutWheel)state!).Sweep(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Calls <see cref="ITimeoutEntry.Expire"/> after <paramref name="timeout"/>, unless removed first.</summary>
    public void Add(ITimeoutEntry entry, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)Math.Ceiling(Math.Min(timeout.TotalMilliseconds, int.MaxValue));
        entry.Deadline = deadline;
        var bucket = _buckets[(deadline / TickMilliseconds) & (BucketCount - 1)];
        lock (bucket)
        {
            entry.Bucket = bucket;
            entry.Next = bucket.Head;
            if (bucket.Head is not null)
            {
                bucket.Head.Previous = entry;
            }
            bucket.Head = entry;
        }
        if (Interlocked.Increment(ref _count) == 1)
        {
            _timer.Change(TickMilliseconds, TickMilliseconds);
        }
    }

    /// <summary>Takes the entry out; false if it was not in (already removed or expired).</summary>
    public bool Remove(ITimeoutEntry entry)
    {
        var bucket = entry.Bucket;
        if (bucket is null)
        {
            return false;
        }
        lock (bucket)
        {
            if (!ReferenceEquals(entry.Bucket, bucket))
            {
                return false;
            }
            Unlink(bucket, entry);
        }
        Interlocked.Decrement(ref _count);
        return true;
    }

    private void Sweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }
        try
        {
            var now = Environment.TickCount64;
            var nowTick = now / TickMilliseconds;
            List<ITimeoutEntry>? expired = null;
            // Sweep every tick since the last sweep (a late timer skips none), at most one revolution.
            var from = Math.Max(_sweptTick, nowTick - BucketCount);
            for (var tick = from; tick <= nowTick; tick++)
            {
                var bucket = _buckets[tick & (BucketCount - 1)];
                lock (bucket)
                {
                    for (var entry = bucket.Head; entry is not null;)
                    {
                        var next = entry.Next;
                        if (entry.Deadline <= now)
                        {
                            Unlink(bucket, entry);
                            (expired ??= []).Add(entry);
                        }
                        entry = next;
                    }
                }
            }
            _sweptTick = nowTick;
            if (expired is not null)
            {
                Interlocked.Add(ref _count, -expired.Count);
                foreach (var entry in expired)
                {
                    entry.Expire();
                }
            }
            if (Volatile.Read(ref _count) == 0)
            {
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
                // An entry added meanwhile may have started the timer before the line above stopped it.
                if (Volatile.Read(ref _count) > 0)
                {
                    _timer.Change(TickMilliseconds, TickMilliseconds);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private static void Unlink(Bucket bucket, ITimeoutEntry entry)
    {
        if (entry.Previous is null)
        {
            bucket.Head = entry.Next;
        }
        else
        {
            entry.Previous.Next = entry.Next;
        }
        if (entry.Next is not null)
        {
            entry.Next.Previous = entry.Previous;
        }
        entry.Next = entry.Previous = null;
        entry.Bucket = null;
    }

    /// <summary>The head of one bucket's list; also its lock.</summary>
    internal sealed class Bucket
    {
        public ITimeoutEntry? Head;
    }
}
