using Csw.Params;

namespace Csw.Command;

/// <summary>Matches as soon as any state of the given prefix and name is published.</summary>
public sealed record PresenceMatcher : StateMatcher
{
    /// <summary>Creates the matcher.</summary>
    /// <param name="prefix">The component's prefix.</param>
    /// <param name="stateName">The state name.</param>
    /// <param name="timeout">How long to wait.</param>
    public PresenceMatcher(Prefix prefix, StateName stateName, TimeSpan timeout)
        : base(prefix, stateName, timeout)
    {
    }

    /// <inheritdoc />
    protected override bool Matches(CurrentState state) => true;
}
