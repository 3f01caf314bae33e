using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Csw.Params;

namespace Bench.Remote;

/// <summary>
/// A compact binary form of a Setup, for measurement only: what the Akka.Remote serializer could
/// write instead of CSW's JSON. Length-prefixed UTF-8 texts, a type tag and a units index per
/// parameter, values in little-endian. It covers the scalar key types (int, long, double, float, string, boolean), which
/// is what the benchmark's command holds; a product codec would need the others too, and would not
/// be cheaper than this per value.
/// </summary>
internal static class BinaryCommandForm
{
    private enum Tag : byte
    {
        Int,
        Long,
        Double,
        Float,
        String,
        Boolean,
    }

    private static readonly Dictionary<Units, int> UnitIndex = Units.All.Select((units, index) => (units, index)).ToDictionary(pair => pair.units, pair => pair.index);

    public static void Write(Setup setup, ArrayBufferWriter<byte> to)
    {
        Text(to, setup.Source.ToString());
        Text(to, setup.CommandName.Name);
        Text(to, setup.ObsId?.ToString() ?? "");
        Int(to, setup.ParamSet.Count);
        foreach (var parameter in setup.ParamSet)
        {
            var tag = parameter switch
            {
                Parameter<int> => Tag.Int,
                Parameter<long> => Tag.Long,
                Parameter<double> => Tag.Double,
                Parameter<float> => Tag.Float,
                Parameter<string> => Tag.String,
                Parameter<bool> => Tag.Boolean,
                _ => throw new NotSupportedException($"The measurement's binary form has no {parameter.KeyType.Name}."),
            };
            to.GetSpan(1)[0] = (byte)tag;
            to.Advance(1);
            Text(to, parameter.KeyName);
            Int(to, UnitIndex[parameter.Units]);
            Int(to, parameter.Count);
            switch (parameter)
            {
                case Parameter<int> ints:
                    foreach (var value in ints.AsSpan())
                    {
                        Int(to, value);
                    }
                    break;
                case Parameter<long> longs:
                    foreach (var value in longs.AsSpan())
                    {
                        BinaryPrimitives.WriteInt64LittleEndian(to.GetSpan(8), value);
                        to.Advance(8);
                    }
                    break;
                case Parameter<double> doubles:
                    foreach (var value in doubles.AsSpan())
                    {
                        BinaryPrimitives.WriteDoubleLittleEndian(to.GetSpan(8), value);
                        to.Advance(8);
                    }
                    break;
                case Parameter<float> floats:
                    foreach (var value in floats.AsSpan())
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(to.GetSpan(4), value);
                        to.Advance(4);
                    }
                    break;
                case Parameter<string> strings:
                    foreach (var value in strings.AsSpan())
                    {
                        Text(to, value);
                    }
                    break;
                case Parameter<bool> booleans:
                    foreach (var value in booleans.AsSpan())
                    {
                        to.GetSpan(1)[0] = value ? (byte)1 : (byte)0;
                        to.Advance(1);
                    }
                    break;
            }
        }
    }

    public static Setup Read(ReadOnlySpan<byte> bytes)
    {
        var source = Prefix.Parse(Text(ref bytes));
        var name = new CommandName(Text(ref bytes));
        var obsId = Text(ref bytes);
        var setup = new Setup(source, name, obsId.Length == 0 ? null : ObsId.Parse(obsId));
        var count = Int(ref bytes);
        var parameters = new Parameter[count];
        for (var i = 0; i < count; i++)
        {
            var tag = (Tag)bytes[0];
            bytes = bytes[1..];
            var keyName = Text(ref bytes);
            var units = Units.All[Int(ref bytes)];
            var values = Int(ref bytes);
            parameters[i] = tag switch
            {
                Tag.Int => Keys.Int(keyName).Set(Values(ref bytes, values, static (ref ReadOnlySpan<byte> b) => Int(ref b))).WithUnits(units),
                Tag.Long => Keys.Long(keyName).Set(Values(ref bytes, values, static (ref ReadOnlySpan<byte> b) => Fixed(ref b, 8, BinaryPrimitives.ReadInt64LittleEndian))).WithUnits(units),
                Tag.Double => Keys.Double(keyName).Set(Values(ref bytes, values, static (ref ReadOnlySpan<byte> b) => Fixed(ref b, 8, BinaryPrimitives.ReadDoubleLittleEndian))).WithUnits(units),
                Tag.Float => Keys.Float(keyName).Set(Values(ref bytes, values, static (ref ReadOnlySpan<byte> b) => Fixed(ref b, 4, BinaryPrimitives.ReadSingleLittleEndian))).WithUnits(units),
                Tag.String => Keys.String(keyName).Set(Values(ref bytes, values, static (ref ReadOnlySpan<byte> b) => Text(ref b))).WithUnits(units),
                Tag.Boolean => Keys.Boolean(keyName).Set(Values(ref bytes, values, static (ref ReadOnlySpan<byte> b) => Fixed(ref b, 1, static s => s[0] != 0))).WithUnits(units),
                _ => throw new FormatException($"Unknown tag {tag}."),
            };
        }
        return setup.WithParamSet(ParamSet.Of(parameters));
    }

    private delegate T ReadOne<T>(ref ReadOnlySpan<byte> bytes);

    private static T[] Values<T>(ref ReadOnlySpan<byte> bytes, int count, ReadOne<T> read)
    {
        var values = new T[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = read(ref bytes);
        }
        return values;
    }

    private static T Fixed<T>(ref ReadOnlySpan<byte> bytes, int size, Func<ReadOnlySpan<byte>, T> read)
    {
        var value = read(bytes[..size]);
        bytes = bytes[size..];
        return value;
    }

    private static void Int(ArrayBufferWriter<byte> to, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(to.GetSpan(4), value);
        to.Advance(4);
    }

    private static int Int(ref ReadOnlySpan<byte> bytes) => Fixed(ref bytes, 4, BinaryPrimitives.ReadInt32LittleEndian);

    private static void Text(ArrayBufferWriter<byte> to, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        Int(to, length);
        Encoding.UTF8.GetBytes(text, to.GetSpan(length));
        to.Advance(length);
    }

    private static string Text(ref ReadOnlySpan<byte> bytes)
    {
        var length = Int(ref bytes);
        var text = Encoding.UTF8.GetString(bytes[..length]);
        bytes = bytes[length..];
        return text;
    }
}
