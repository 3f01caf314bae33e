using System.Collections;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Csw.Params;

/// <summary>
/// One value of an array key (<see cref="Keys.IntArray"/>, ...): an immutable array of numbers,
/// a JSON array on the wire. Equal when the elements are equal.
/// </summary>
/// <typeparam name="T">The element type: <see cref="sbyte"/>, <see cref="short"/>, <see cref="int"/>, <see cref="long"/>, <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class ArrayData<T> : IReadOnlyList<T>, IEquatable<ArrayData<T>>
{
    private readonly T[] _values;

    /// <summary>Creates an array value holding a copy of <paramref name="values"/>.</summary>
    public ArrayData(params ReadOnlySpan<T> values) => _values = values.ToArray();

    private ArrayData(T[] values, bool _) => _values = values;

    /// <summary>Wraps an array that nobody else holds, without copying it.</summary>
    internal static ArrayData<T> Own(T[] values) => new(values, true);

    /// <summary>The elements.</summary>
    public ImmutableArray<T> Values => ImmutableCollectionsMarshal.AsImmutableArray(_values);

    /// <summary>The elements, as a span.</summary>
    public ReadOnlySpan<T> AsSpan() => _values;

    /// <summary>The number of elements.</summary>
    public int Count => _values.Length;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public T this[int index] => _values[index];

    /// <summary>Enumerates the elements.</summary>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when both hold equal elements in the same order.</summary>
    public bool Equals(ArrayData<T>? other)
        => other is not null && _values.AsSpan().SequenceEqual(other._values, EqualityComparer<T>.Default);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ArrayData<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _values)
        {
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>For example <c>[1,2,3]</c>.</summary>
    public override string ToString() => $"[{string.Join(",", _values)}]";
}
