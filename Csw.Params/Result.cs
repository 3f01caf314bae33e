namespace Csw.Params;

/// <summary>
/// The parameters a command returns with <see cref="Completed"/>; <c>{"paramSet": [...]}</c> on the wire.
/// Immutable.
/// </summary>
public sealed record Result : IParameterSet<Result>
{
    /// <summary>A result with no parameters.</summary>
    public static Result Empty { get; } = new();

    /// <summary>A result holding <paramref name="parameters"/>.</summary>
    public Result(params ReadOnlySpan<Parameter> parameters) => ParamSet = ParamSet.Of(parameters);

    /// <summary>The parameters.</summary>
    public ParamSet ParamSet { get; init; }

    /// <summary>True when the result holds parameters.</summary>
    public bool NonEmpty => ParamSet.Count > 0;

    /// <inheritdoc />
    public Result WithParamSet(ParamSet paramSet) => this with { ParamSet = paramSet ?? throw new ArgumentNullException(nameof(paramSet)) };
}
