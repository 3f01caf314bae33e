using Csw.Params;

namespace Csw.Command;

/// <summary>
/// A condition on a component's CurrentState, used by <see cref="ICommandService.OnewayAndMatchAsync"/>:
/// which state it looks at (<see cref="Prefix"/>, <see cref="StateName"/>), how long it waits,
/// and when a state satisfies it.
/// </summary>
public abstract record StateMatcher
{
    private protected StateMatcher(Prefix prefix, StateName stateName, TimeSpan timeout)
    {
        Prefix = prefix ?? throw new ArgumentNullException(nameof(prefix));
        StateName = stateName;
        Timeout = timeout > TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A matcher's timeout must be positive.");
    }

    /// <summary>The prefix of the component whose state is matched.</summary>
    public Prefix Prefix { get; }

    /// <summary>The name of the state matched.</summary>
    public StateName StateName { get; }

    /// <summary>How long to wait for a matching state.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Whether <paramref name="state"/> satisfies the matcher; states of another prefix or name never do.</summary>
    /// <param name="state">A published state.</param>
    public bool Check(CurrentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Prefix == Prefix && state.StateName == StateName && Matches(state);
    }

    /// <summary>The condition on a state of the right prefix and name.</summary>
    /// <param name="state">The state.</param>
    protected abstract bool Matches(CurrentState state);
}
