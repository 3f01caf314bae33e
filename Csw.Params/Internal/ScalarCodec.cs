using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Values that are single JSON values: numbers, strings, booleans, times, coordinates.</summary>
internal sealed class ScalarCodec<TScalar, T> : ValueCodec<T>
    where TScalar : struct, IScalar<T>
{
    public override T[] ReadAll(ref CswReader reader) => Arrays.ReadArray<TScalar, T>(ref reader);

    public override void WriteAll(Utf8JsonWriter writer, ReadOnlySpan<T> values) => Arrays.WriteArray<TScalar, T>(writer, values);
}
