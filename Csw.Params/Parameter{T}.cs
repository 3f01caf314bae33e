using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Csw.Params;

/// <summary>
/// A parameter: values of type <typeparamref name="T"/> under a key name, with units. Made by
/// <see cref="Key{T}.Set"/>; on the wire <c>{"IntKey": {"keyName": "repeat", "values": [22], "units": "NoUnits"}}</c>.
/// </summary>
/// <typeparam name="T">The type of one value.</typeparam>
public sealed class Parameter<T> : Parameter
{
    private readonly KeyType<T> _keyType;
    private readonly T[] _values;

    /// <summary>Takes ownership of <paramref name="values"/>: callers never touch the array again.</summary>
    internal Parameter(string keyName, KeyType<T> keyType, T[] values, Units units)
        : base(keyName, units)
    {
        _keyType = keyType;
        _values = values;
    }

    /// <inheritdoc />
    public override KeyType<T> KeyType => _keyType;

    /// <summary>The values.</summary>
    public ImmutableArray<T> Values => ImmutableCollectionsMarshal.AsImmutableArray(_values);

    /// <summary>The values, as a span.</summary>
    public ReadOnlySpan<T> AsSpan() => _values;

    /// <inheritdoc />
    public override int Count => _values.Length;

    /// <summary>The first value.</summary>
    /// <exception cref="InvalidOperationException">The parameter has no values.</exception>
    public T Head => _values.Length > 0 ? _values[0] : throw new InvalidOperationException($"Parameter '{KeyName}' has no values.");

    /// <summary>The value at <paramref name="index"/>.</summary>
    public T this[int index] => _values[index];

    /// <summary>The value at <paramref name="index"/>, if there is one.</summary>
    public bool TryGet(int index, out T value)
    {
        var found = (uint)index < (uint)_values.Length;
        value = found ? _values[index] : default!;
        return found;
    }

    /// <summary>The same parameter with other units.</summary>
    public Parameter<T> WithUnits(Units units) => new(KeyName, _keyType, _values, units);

    internal override void WriteValues(System.Text.Json.Utf8JsonWriter writer) => _keyType.Codec.WriteAll(writer, _values);

    /// <inheritdoc />
    public override bool Equals(Parameter? other) => HasSameValues(other) && ReferenceEquals(other!.Units, Units);

    /// <inheritdoc />
    public override bool HasSameValues(Parameter? other)
        => other is Parameter<T> p && ReferenceEquals(p._keyType, _keyType) && p.KeyName == KeyName
            && p._values.AsSpan().SequenceEqual(_values, EqualityComparer<T>.Default);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(KeyName);
        hash.Add(_keyType.Name);
        foreach (var value in _values)
        {
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>For example <c>repeat(22)NoUnits</c>.</summary>
    public override string ToString() => $"{KeyName}({string.Join(",", _values)}){Units}";
}
