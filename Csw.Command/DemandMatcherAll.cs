using Csw.Params;

namespace Csw.Command;

/// <summary>Matches when the current state holds exactly the demand's parameters, values and units.</summary>
public sealed record DemandMatcherAll : StateMatcher
{
    /// <summary>Creates the matcher.</summary>
    /// <param name="demand">The demanded state: its prefix, name and parameters.</param>
    /// <param name="timeout">How long to wait.</param>
    public DemandMatcherAll(DemandState demand, TimeSpan timeout)
        : base((demand ?? throw new ArgumentNullException(nameof(demand))).Prefix, demand.StateName, timeout)
    {
        Demand = demand;
    }

    /// <summary>The demanded state.</summary>
    public DemandState Demand { get; }

    /// <inheritdoc />
    protected override bool Matches(CurrentState state) => Demand.ParamSet.Equals(state.ParamSet);
}
