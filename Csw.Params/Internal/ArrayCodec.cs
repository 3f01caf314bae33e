using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Values that are arrays of numbers (<see cref="ArrayData{T}"/>): a JSON array of arrays.</summary>
internal sealed class ArrayCodec<TScalar, T> : ValueCodec<ArrayData<T>>
    where TScalar : struct, IScalar<T>
{
    public override ArrayData<T>[] ReadAll(ref CswReader reader) => Arrays.ReadArray<Element, ArrayData<T>>(ref reader);

    public override void WriteAll(Utf8JsonWriter writer, ReadOnlySpan<ArrayData<T>> values) => Arrays.WriteArray<Element, ArrayData<T>>(writer, values);

    /// <summary>One array value, itself read as an array of <typeparamref name="TScalar"/>.</summary>
    internal readonly struct Element : IScalar<ArrayData<T>>
    {
        public static string Expected => $"an array of {TScalar.Expected}s";

        public static bool IsComposite => true;

        public static bool TryRead(ref CswReader reader, out ArrayData<T> value)
        {
            value = ArrayData<T>.Own(Arrays.ReadArray<TScalar, T>(ref reader));
            return true;
        }

        public static void Write(Utf8JsonWriter writer, ArrayData<T> value) => Arrays.WriteArray<TScalar, T>(writer, value.AsSpan());
    }
}
