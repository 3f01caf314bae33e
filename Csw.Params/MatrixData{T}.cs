using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Csw.Params;

/// <summary>
/// One value of a matrix key (<see cref="Keys.DoubleMatrix"/>, ...): an immutable array of rows,
/// a JSON array of arrays on the wire. Rows may differ in length, as in CSW. Equal when all elements are equal.
/// </summary>
/// <typeparam name="T">The element type: <see cref="sbyte"/>, <see cref="short"/>, <see cref="int"/>, <see cref="long"/>, <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class MatrixData<T> : IEquatable<MatrixData<T>>
{
    private readonly T[][] _rows;

    /// <summary>Creates a matrix holding a copy of <paramref name="rows"/>.</summary>
    public MatrixData(params IEnumerable<IEnumerable<T>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows.Select(r => r.ToArray())];
    }

    private MatrixData(T[][] rows, bool _) => _rows = rows;

    /// <summary>Wraps rows that nobody else holds, without copying them.</summary>
    internal static MatrixData<T> Own(T[][] rows) => new(rows, true);

    /// <summary>The number of rows.</summary>
    public int RowCount => _rows.Length;

    /// <summary>The element at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public T this[int row, int column] => _rows[row][column];

    /// <summary>Row <paramref name="row"/>.</summary>
    public ImmutableArray<T> Row(int row) => ImmutableCollectionsMarshal.AsImmutableArray(_rows[row]);

    /// <summary>The rows.</summary>
    public IEnumerable<ImmutableArray<T>> Rows => _rows.Select(ImmutableCollectionsMarshal.AsImmutableArray);

    internal T[][] RawRows => _rows;

    /// <summary>True when both have equal rows.</summary>
    public bool Equals(MatrixData<T>? other)
    {
        if (other is null || other._rows.Length != _rows.Length)
        {
            return false;
        }
        for (var i = 0; i < _rows.Length; i++)
        {
            if (!_rows[i].AsSpan().SequenceEqual(other._rows[i], EqualityComparer<T>.Default))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MatrixData<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var row in _rows)
        {
            hash.Add(row.Length);
            foreach (var value in row)
            {
                hash.Add(value);
            }
        }
        return hash.ToHashCode();
    }

    /// <summary>For example <c>[[1,2],[3,4]]</c>.</summary>
    public override string ToString() => $"[{string.Join(",", _rows.Select(r => $"[{string.Join(",", r)}]"))}]";
}
