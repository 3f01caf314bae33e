namespace Csw.Params;

/// <summary>The state a component reports about itself, published to its subscribers. Written alone (as CSW's state stream does) it has no <c>_type</c>; written as a <see cref="StateVariable"/> it has one.</summary>
public sealed record CurrentState : StateVariable, IParameterSet<CurrentState>
{
    /// <summary>Creates a state with no parameters.</summary>
    public CurrentState(Prefix prefix, StateName stateName)
        : base(prefix, stateName)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "CurrentState";

    /// <inheritdoc />
    public CurrentState WithParamSet(ParamSet paramSet) => this with { ParamSet = paramSet ?? throw new ArgumentNullException(nameof(paramSet)) };
}
