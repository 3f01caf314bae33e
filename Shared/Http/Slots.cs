namespace Csw.Shared.Http;

/// <summary>A fixed number of places (e.g. open WebSockets), taken and given back without locking.</summary>
internal sealed class Slots(int capacity)
{
    /// <summary>How many are taken.</summary>
    private int _taken;

    /// <summary>The most that may be taken at once.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>How many are taken now.</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>Takes one; false, taking none, when all are taken.</summary>
    public bool TryTake()
    {
        if (Interlocked.Increment(ref _taken) <= Capacity)
        {
            return true;
        }
        Interlocked.Decrement(ref _taken);
        return false;
    }

    /// <summary>Gives back one taken with <see cref="TryTake"/>.</summary>
    public void Release() => Interlocked.Decrement(ref _taken);
}
