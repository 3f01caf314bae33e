using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Values that are matrices of numbers (<see cref="MatrixData{T}"/>): a JSON array of arrays of arrays.</summary>
internal sealed class MatrixCodec<TScalar, T> : ValueCodec<MatrixData<T>>
    where TScalar : struct, IScalar<T>
{
    public override MatrixData<T>[] ReadAll(ref CswReader reader) => Arrays.ReadArray<Element, MatrixData<T>>(ref reader);

    public override void WriteAll(Utf8JsonWriter writer, ReadOnlySpan<MatrixData<T>> values) => Arrays.WriteArray<Element, MatrixData<T>>(writer, values);

    /// <summary>A matrix row, read straight into a <typeparamref name="T"/>[].</summary>
    internal readonly struct Row : IScalar<T[]>
    {
        public static string Expected => $"an array of {TScalar.Expected}s";

        public static bool IsComposite => true;

        public static bool TryRead(ref CswReader reader, out T[] value)
        {
            value = Arrays.ReadArray<TScalar, T>(ref reader);
            return true;
        }

        public static void Write(Utf8JsonWriter writer, T[] value) => Arrays.WriteArray<TScalar, T>(writer, value);
    }

    /// <summary>One matrix value: an array of rows.</summary>
    internal readonly struct Element : IScalar<MatrixData<T>>
    {
        public static string Expected => $"a matrix (an array of arrays of {TScalar.Expected}s)";

        public static bool IsComposite => true;

        public static bool TryRead(ref CswReader reader, out MatrixData<T> value)
        {
            value = MatrixData<T>.Own(Arrays.ReadArray<Row, T[]>(ref reader));
            return true;
        }

        public static void Write(Utf8JsonWriter writer, MatrixData<T> value) => Arrays.WriteArray<Row, T[]>(writer, value.RawRows);
    }
}
