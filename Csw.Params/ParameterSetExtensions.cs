using System.Diagnostics.CodeAnalysis;

namespace Csw.Params;

/// <summary>
/// The operations of CSW's parameter sets on commands, states and results: <c>setup.Add(p)</c>,
/// <c>setup.Get(key).Head</c>, <c>setup.Exists(key)</c>, <c>setup.Remove(key)</c>, <c>setup.MissingKeys(k1, k2)</c>.
/// </summary>
public static class ParameterSetExtensions
{
    /// <summary>A copy with <paramref name="parameter"/> added, replacing one of the same key name.</summary>
    public static TSelf Add<TSelf>(this TSelf self, Parameter parameter)
        where TSelf : IParameterSet<TSelf>
        => self.WithParamSet(self.ParamSet.Add(parameter));

    /// <summary>A copy with each of <paramref name="parameters"/> added in turn.</summary>
    public static TSelf Add<TSelf>(this TSelf self, params ReadOnlySpan<Parameter> parameters)
        where TSelf : IParameterSet<TSelf>
        => self.WithParamSet(self.ParamSet.Add(parameters));

    /// <summary>A copy without the parameter named like <paramref name="key"/>; this object itself if there is none.</summary>
    public static TSelf Remove<TSelf>(this TSelf self, Key key)
        where TSelf : IParameterSet<TSelf>
    {
        var remaining = self.ParamSet.Remove(key);
        return ReferenceEquals(remaining, self.ParamSet) ? self : self.WithParamSet(remaining);
    }

    /// <summary>The parameter of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is none, or the name holds another key type.</exception>
    public static Parameter<T> Get<T>(this IParameterSet self, Key<T> key) => self.ParamSet.Get(key);

    /// <summary>The parameter of <paramref name="key"/>, if there is one.</summary>
    public static bool TryGet<T>(this IParameterSet self, Key<T> key, [NotNullWhen(true)] out Parameter<T>? parameter)
        => self.ParamSet.TryGet(key, out parameter);

    /// <summary>True when there is a parameter of <paramref name="key"/> (same name and key type).</summary>
    public static bool Exists(this IParameterSet self, Key key) => self.ParamSet.Exists(key);

    /// <summary>The names of <paramref name="keys"/> that have no parameter.</summary>
    public static IReadOnlySet<string> MissingKeys(this IParameterSet self, params ReadOnlySpan<Key> keys)
        => self.ParamSet.MissingKeys(keys);
}
