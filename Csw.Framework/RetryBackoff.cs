namespace Csw.Framework;

/// <summary>
/// Exponential backoff between attempts: <see cref="Min"/> before the first retry, doubling with
/// each retry up to <see cref="Max"/>, each wait lengthened by up to <see cref="RandomFactor"/> of
/// itself at random. Immutable; change with <c>with { ... }</c>.
/// </summary>
public sealed record RetryBackoff
{
    private readonly TimeSpan _min = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _max = TimeSpan.FromSeconds(30);
    private readonly double _randomFactor = 0.2;

    /// <summary>1 s, doubling up to 30 s, plus up to 20 % at random.</summary>
    public static RetryBackoff Default { get; } = new();

    /// <summary>No wait at all: every retry at once (for tests).</summary>
    public static RetryBackoff None { get; } = new() { Min = TimeSpan.Zero, Max = TimeSpan.Zero, RandomFactor = 0 };

    /// <summary>The wait before the first retry; 1 s.</summary>
    public TimeSpan Min
    {
        get => _min;
        init => _min = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Min), value, "A wait cannot be negative.");
    }

    /// <summary>The longest wait before the random part; 30 s.</summary>
    public TimeSpan Max
    {
        get => _max;
        init => _max = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Max), value, "A wait cannot be negative.");
    }

    /// <summary>Up to which fraction of itself a wait is lengthened at random, 0 to 1; 0.2.</summary>
    public double RandomFactor
    {
        get => _randomFactor;
        init => _randomFactor = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(RandomFactor), value, "Between 0 and 1.");
    }

    /// <summary>The wait before retry number <paramref name="retry"/> without the random part: <see cref="Min"/> times 2^(retry - 1), at most <see cref="Max"/>.</summary>
    /// <param name="retry">1 for the first retry.</param>
    public TimeSpan Shortest(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var doubled = Min.Ticks * Math.Pow(2, Math.Min(retry - 1, 62));
        return TimeSpan.FromTicks((long)Math.Min(doubled, Max.Ticks));
    }

    /// <summary>The longest the wait before retry number <paramref name="retry"/> can be, the random part included.</summary>
    /// <param name="retry">1 for the first retry.</param>
    public TimeSpan Longest(int retry) => Shortest(retry) * (1 + RandomFactor);

    /// <summary>The wait before retry number <paramref name="retry"/>, random part drawn.</summary>
    internal TimeSpan Next(int retry) => Shortest(retry) * (1 + (Random.Shared.NextDouble() * RandomFactor));
}
