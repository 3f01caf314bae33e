using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// The etcd members and which one to use: the one that last answered, moving on when it fails. A
/// member seen failing also ends the watches open on it, which would otherwise wait forever on a
/// member that is frozen or behind a dead link (its TCP connection never breaks).
/// </summary>
internal sealed class EtcdMembers(IReadOnlyList<Uri> endpoints, ILogger log) : IDisposable
{
    /// <summary>Per member: cancelled when it is seen failing, then replaced; guarded by <see cref="_gate"/>.</summary>
    private readonly CancellationTokenSource[] _down = [.. endpoints.Select(_ => new CancellationTokenSource())];

    /// <summary>Per member: how many watches are open on it.</summary>
    private readonly int[] _watches = new int[endpoints.Count];

    private readonly Lock _gate = new();

    /// <summary>The member tried first, 0 to <see cref="Count"/> - 1.</summary>
    private int _current;

    /// <summary>Set once, under <see cref="_gate"/>, when the tokens are disposed.</summary>
    private bool _disposed;

    public int Count => endpoints.Count;

    public Uri this[int index] => endpoints[index];

    /// <summary>The member to try first.</summary>
    public int Current => Volatile.Read(ref _current);

    /// <summary>Every member's URL, for messages.</summary>
    public override string ToString() => string.Join(", ", endpoints);

    /// <summary>The member answered: later requests start there.</summary>
    public void Answered(int index) => Volatile.Write(ref _current, index);

    /// <summary>The member failed: later requests start at the next one, and its watches end.</summary>
    public void Failed(int index, string why)
    {
        log.LogWarning("etcd member {Endpoint} failed ({Reason}); trying the next one", endpoints[index], why);
        Interlocked.CompareExchange(ref _current, (index + 1) % Count, index);
        CancellationTokenSource failed;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            failed = _down[index];
            _down[index] = new CancellationTokenSource();
        }
        failed.Cancel();
        failed.Dispose();
    }

    /// <summary>Cancelled when the member is next seen failing.</summary>
    public CancellationToken DownToken(int index)
    {
        lock (_gate)
        {
            return _disposed ? new CancellationToken(canceled: true) : _down[index].Token;
        }
    }

    /// <summary>Counts a watch open on the member until the result is disposed.</summary>
    public IDisposable Watching(int index)
    {
        Interlocked.Increment(ref _watches[index]);
        return new Watch(this, index);
    }

    /// <summary>Whether a watch is open on the member (so that it is worth checking that it still answers).</summary>
    public bool IsWatched(int index) => Volatile.Read(ref _watches[index]) > 0;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var down in _down)
            {
                down.Dispose();
            }
        }
    }

    private sealed class Watch(EtcdMembers members, int index) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref members._watches[index]);
            }
        }
    }
}
