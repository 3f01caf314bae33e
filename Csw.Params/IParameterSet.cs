namespace Csw.Params;

/// <summary>
/// Anything that carries a <see cref="Params.ParamSet"/>: commands, states and results. The typed
/// operations (<c>Get</c>, <c>Exists</c>, <c>MissingKeys</c>) are extension methods in <see cref="ParameterSetExtensions"/>.
/// </summary>
public interface IParameterSet
{
    /// <summary>The parameters.</summary>
    ParamSet ParamSet { get; }
}
