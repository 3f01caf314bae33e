using System.Buffers;
using System.Runtime.CompilerServices;

namespace Csw.Params.Internal;

/// <summary>A growable buffer on pooled arrays, for JSON arrays whose length is known only at their end.</summary>
internal struct ValueBuffer<T> : IDisposable
{
    private T[] _array;
    private int _count;

    public ValueBuffer(int capacity)
    {
        _array = ArrayPool<T>.Shared.Rent(capacity);
        _count = 0;
    }

    public readonly int Count => _count;

    public readonly T this[int index] => _array[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T value)
    {
        if (_count == _array.Length)
        {
            Grow();
        }
        _array[_count++] = value;
    }

    public readonly T[] ToArray() => _count == 0 ? [] : _array.AsSpan(0, _count).ToArray();

    public void Dispose()
    {
        if (_array is not null)
        {
            ArrayPool<T>.Shared.Return(_array, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _array = null!;
        }
    }

    private void Grow()
    {
        var bigger = ArrayPool<T>.Shared.Rent(_array.Length * 2);
        _array.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(_array, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        _array = bigger;
    }
}
