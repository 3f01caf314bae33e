namespace Csw.Actors;

/// <summary>
/// What happens to an actor when its handler throws (or its factory or <see cref="PreStart"/> handler does).
/// The exception is always logged; it never reaches the sender, other actors or the process.
/// </summary>
public abstract record SupervisorStrategy
{
    private protected SupervisorStrategy()
    {
    }

    /// <summary>Restart at most 10 times within a minute, then stop.</summary>
    public static SupervisorStrategy Default { get; } = new RestartStrategy(10, TimeSpan.FromMinutes(1));

    /// <summary>Keep the actor and its state, drop the failing message and go on.</summary>
    public static SupervisorStrategy Resume { get; } = new ResumeStrategy();

    /// <summary>Stop the actor.</summary>
    public static SupervisorStrategy Stop { get; } = new StopStrategy();

    /// <summary>Replace the actor with a fresh instance, keeping its mailbox: only the failing message is lost.</summary>
    /// <param name="maxRestarts">Restarts allowed within <paramref name="within"/>; one more stops the actor.</param>
    /// <param name="within">The window the restarts are counted in.</param>
    /// <param name="backoff">Wait before each restart, growing exponentially; none when null.</param>
    public static SupervisorStrategy Restart(int maxRestarts, TimeSpan within, Backoff? backoff = null) =>
        new RestartStrategy(maxRestarts, within, backoff);
}
