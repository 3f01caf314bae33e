namespace Csw.Params;

/// <summary>
/// A named state of a component: its <see cref="CurrentState"/> (what it is) or a <see cref="DemandState"/>
/// (what it should be). Immutable; on the wire
/// <c>{"_type": "CurrentState", "prefix": ..., "stateName": ..., "paramSet": [...]}</c>.
/// </summary>
public abstract record StateVariable : IParameterSet
{
    private protected StateVariable(Prefix prefix, StateName stateName)
    {
        Prefix = prefix ?? throw new ArgumentNullException(nameof(prefix));
        StateName = stateName;
    }

    /// <summary>The prefix of the component the state belongs to.</summary>
    public Prefix Prefix { get; init; }

    /// <summary>The state's name.</summary>
    public StateName StateName { get; init; }

    /// <summary>The parameters.</summary>
    public ParamSet ParamSet { get; init; } = ParamSet.Empty;

    /// <summary>The wire <c>_type</c>: <c>CurrentState</c> or <c>DemandState</c>.</summary>
    public abstract string TypeName { get; }
}
