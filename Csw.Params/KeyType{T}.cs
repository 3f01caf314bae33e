using Csw.Params.Internal;

namespace Csw.Params;

/// <summary>A key type whose values are of type <typeparamref name="T"/>; makes keys of that type.</summary>
/// <typeparam name="T">The type of one value.</typeparam>
public sealed class KeyType<T> : KeyType
{
    internal KeyType(string name, Units defaultUnits, ValueCodec<T> codec)
        : base(name, defaultUnits) => Codec = codec;

    internal ValueCodec<T> Codec { get; }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);

    /// <summary>A key of this type named <paramref name="name"/>, with <paramref name="units"/> or the type's default units.</summary>
    /// <exception cref="ArgumentException">The name contains <c>[</c>, <c>]</c> or <c>/</c>.</exception>
    public Key<T> Make(string name, Units? units = null) => new(name, this, units ?? DefaultUnits, null);

    internal Key<T> Make(string name, Units? units, Choices? choices) => new(name, this, units ?? DefaultUnits, choices);

    internal override Parameter ReadParameter(ref CswReader reader) => ParameterCodec.ReadBody(ref reader, this);

    internal override System.Text.Json.Serialization.JsonConverter CreateParameterConverter(CswJsonOptions options)
        => TypeCodecs.Find<Parameter<T>>()!.CreateConverter(options);
}
