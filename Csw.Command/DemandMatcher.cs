using Csw.Params;

namespace Csw.Command;

/// <summary>
/// Matches when every parameter of the demand is in the current state with the same values
/// (and the same units, if <see cref="WithUnits"/>); the state may hold more parameters.
/// </summary>
public sealed record DemandMatcher : StateMatcher
{
    /// <summary>Creates the matcher.</summary>
    /// <param name="demand">The demanded state: its prefix, name and parameters.</param>
    /// <param name="withUnits">Whether units must match too.</param>
    /// <param name="timeout">How long to wait.</param>
    public DemandMatcher(DemandState demand, bool withUnits, TimeSpan timeout)
        : base((demand ?? throw new ArgumentNullException(nameof(demand))).Prefix, demand.StateName, timeout)
    {
        Demand = demand;
        WithUnits = withUnits;
    }

    /// <summary>The demanded state.</summary>
    public DemandState Demand { get; }

    /// <summary>Whether units must match too.</summary>
    public bool WithUnits { get; }

    /// <inheritdoc />
    protected override bool Matches(CurrentState state) =>
        Demand.ParamSet.All(demanded => state.ParamSet.Find(demanded.KeyName) is { } current
            && (WithUnits ? demanded.Equals(current) : demanded.HasSameValues(current)));
}
