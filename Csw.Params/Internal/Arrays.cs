using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Reads and writes JSON arrays of values, the codec's hot loops.</summary>
internal static class Arrays
{
    /// <summary>Reads a JSON array of elements with <typeparamref name="TScalar"/>, counting them against the budget.</summary>
    public static TElement[] ReadArray<TScalar, TElement>(ref CswReader reader)
        where TScalar : struct, IScalar<TElement>
    {
        if (reader.Token != JsonTokenType.StartArray)
        {
            throw reader.Unexpected($"an array of {TScalar.Expected}s");
        }
        var context = reader.Context;
        context.EnterArray();
        var buffer = new ValueBuffer<TElement>(16);
        try
        {
            var index = 0;
            while (true)
            {
                reader.Next();
                if (reader.Token == JsonTokenType.EndArray)
                {
                    break;
                }
                if (--context.Budget < 0)
                {
                    context.SetIndex(index);
                    throw reader.Fail($"too many elements: a parameter may hold at most {context.Options.MaxElements} (CswJsonOptions.MaxElements)");
                }
                if (TScalar.IsComposite)
                {
                    context.SetIndex(index);
                }
                if (!TScalar.TryRead(ref reader, out var value))
                {
                    context.SetIndex(index);
                    throw reader.Unexpected(TScalar.Expected);
                }
                buffer.Add(value);
                index++;
            }
            context.Exit();
            return buffer.ToArray();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    public static void WriteArray<TScalar, TElement>(Utf8JsonWriter writer, ReadOnlySpan<TElement> values)
        where TScalar : struct, IScalar<TElement>
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            TScalar.Write(writer, value);
        }
        writer.WriteEndArray();
    }
}
