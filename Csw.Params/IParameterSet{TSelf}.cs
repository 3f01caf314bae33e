namespace Csw.Params;

/// <summary>
/// A parameter set that can make a copy of itself with other parameters, so that <c>Add</c> and
/// <c>Remove</c> return the same type: <c>Setup s = setup.Add(p);</c>.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IParameterSet<out TSelf> : IParameterSet
    where TSelf : IParameterSet<TSelf>
{
    /// <summary>A copy of this object holding <paramref name="paramSet"/> instead.</summary>
    TSelf WithParamSet(ParamSet paramSet);
}
