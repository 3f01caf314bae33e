namespace Csw.Actors;

/// <summary>
/// An exponentially growing wait before restarts: <see cref="Min"/>, then twice that, and so on up
/// to <see cref="Max"/>, each stretched by up to <see cref="RandomFactor"/> so that many actors
/// failing together do not restart in step. Messages wait in the mailbox meanwhile.
/// </summary>
public sealed record Backoff
{
    /// <summary>Creates a backoff.</summary>
    /// <param name="min">The first wait, positive.</param>
    /// <param name="max">The longest wait, at least <paramref name="min"/>.</param>
    /// <param name="randomFactor">Up to how much (0.2 = 20 %) each wait is stretched at random, 0 to 1.</param>
    public Backoff(TimeSpan min, TimeSpan max, double randomFactor = 0.2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        ArgumentOutOfRangeException.ThrowIfNegative(randomFactor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(randomFactor, 1.0);
        Min = min;
        Max = max;
        RandomFactor = randomFactor;
    }

    /// <summary>The first wait.</summary>
    public TimeSpan Min { get; }

    /// <summary>The longest wait.</summary>
    public TimeSpan Max { get; }

    /// <summary>The random stretch, 0 to 1.</summary>
    public double RandomFactor { get; }

    /// <summary>The wait before restart number <paramref name="attempt"/> (0 for the first).</summary>
    /// <param name="attempt">The number of restarts already counted in the window.</param>
    public TimeSpan Delay(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt, 30));
        var ticks = Math.Min(Max.Ticks, Min.Ticks * factor);
        return TimeSpan.FromTicks((long)(ticks * (1 + (Random.Shared.NextDouble() * RandomFactor))));
    }
}
