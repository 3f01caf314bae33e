namespace Csw.Actors;

/// <summary>
/// Replaces a failing actor with a fresh instance from its props. The mailbox and stashed messages
/// are kept, so only the failing message is lost; children are stopped and timers cancelled.
/// More than <see cref="MaxRestarts"/> restarts within <see cref="Within"/> stop the actor.
/// </summary>
public sealed record RestartStrategy : SupervisorStrategy
{
    /// <summary>Creates a restart strategy.</summary>
    /// <param name="maxRestarts">Restarts allowed within <paramref name="within"/>, at least 0.</param>
    /// <param name="within">The counting window, positive.</param>
    /// <param name="backoff">Wait before each restart; none when null.</param>
    public RestartStrategy(int maxRestarts, TimeSpan within, Backoff? backoff = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRestarts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        MaxRestarts = maxRestarts;
        Within = within;
        Backoff = backoff;
    }

    /// <summary>Restarts allowed within <see cref="Within"/>.</summary>
    public int MaxRestarts { get; }

    /// <summary>The window restarts are counted in.</summary>
    public TimeSpan Within { get; }

    /// <summary>The wait before each restart; none when null.</summary>
    public Backoff? Backoff { get; }
}
