namespace Csw.Params;

/// <summary>The state a component is asked to reach, compared with <see cref="CurrentState"/>s by state matchers.</summary>
public sealed record DemandState : StateVariable, IParameterSet<DemandState>
{
    /// <summary>Creates a state with no parameters.</summary>
    public DemandState(Prefix prefix, StateName stateName)
        : base(prefix, stateName)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "DemandState";

    /// <inheritdoc />
    public DemandState WithParamSet(ParamSet paramSet) => this with { ParamSet = paramSet ?? throw new ArgumentNullException(nameof(paramSet)) };
}
