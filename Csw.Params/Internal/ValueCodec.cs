using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Reads and writes the values of one key type.</summary>
internal abstract class ValueCodec<T>
{
    /// <summary>On the <c>values</c> array's start: reads all values, counting them against the element budget.</summary>
    public abstract T[] ReadAll(ref CswReader reader);

    /// <summary>Writes <paramref name="values"/> as a JSON array.</summary>
    public abstract void WriteAll(Utf8JsonWriter writer, ReadOnlySpan<T> values);
}
