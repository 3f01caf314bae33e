using System.Text.Json;
using Csw.Params.Coords;
using Csw.Params.Internal;

namespace Csw.Params;

/// <summary>
/// The type of a key's values, one of CSW's 30 (<see cref="Int"/>, <see cref="DoubleMatrix"/>, ...). Its
/// <see cref="Name"/> tags every parameter on the wire: <c>{"IntKey": {"keyName": ..., "values": [...], "units": ...}}</c>.
/// </summary>
public abstract class KeyType
{
    private protected KeyType(string name, Units defaultUnits)
    {
        Name = name;
        DefaultUnits = defaultUnits;
        EncodedName = JsonEncodedText.Encode(name);
    }

    /// <summary>CSW's name, e.g. <c>IntKey</c>.</summary>
    public string Name { get; }

    /// <summary>The units a key of this type gets unless told otherwise.</summary>
    public Units DefaultUnits { get; }

    internal JsonEncodedText EncodedName { get; }

    /// <summary>The CLR type of one value, e.g. <see cref="int"/> or <see cref="MatrixData{T}"/>.</summary>
    public abstract Type ValueType { get; }

    internal abstract Parameter ReadParameter(ref CswReader reader);

    /// <summary>A System.Text.Json converter for <see cref="Parameter{T}"/> of this key type's values.</summary>
    internal abstract System.Text.Json.Serialization.JsonConverter CreateParameterConverter(CswJsonOptions options);

    /// <summary>The name, e.g. <c>IntKey</c>.</summary>
    public override string ToString() => Name;

    /// <summary><c>ChoiceKey</c>: one of a fixed set of choices.</summary>
    public static KeyType<Choice> Choice { get; } = new("ChoiceKey", Units.NoUnits, Codecs.Choice);

    /// <summary><c>StringKey</c>: strings.</summary>
    public static KeyType<string> String { get; } = new("StringKey", Units.NoUnits, Codecs.String);

    /// <summary><c>UTCTimeKey</c>: UTC instants.</summary>
    public static KeyType<UtcTime> UtcTime { get; } = new("UTCTimeKey", Units.Utc, Codecs.UtcTime);

    /// <summary><c>TAITimeKey</c>: TAI instants.</summary>
    public static KeyType<TaiTime> TaiTime { get; } = new("TAITimeKey", Units.Tai, Codecs.TaiTime);

    /// <summary><c>EqCoordKey</c>: equatorial coordinates.</summary>
    public static KeyType<EqCoord> EqCoord { get; } = new("EqCoordKey", Units.NoUnits, Codecs.EqCoord);

    /// <summary><c>SolarSystemCoordKey</c>: solar-system coordinates.</summary>
    public static KeyType<SolarSystemCoord> SolarSystemCoord { get; } = new("SolarSystemCoordKey", Units.NoUnits, Codecs.SolarSystemCoord);

    /// <summary><c>MinorPlanetCoordKey</c>: minor-planet coordinates.</summary>
    public static KeyType<MinorPlanetCoord> MinorPlanetCoord { get; } = new("MinorPlanetCoordKey", Units.NoUnits, Codecs.MinorPlanetCoord);

    /// <summary><c>CometCoordKey</c>: comet coordinates.</summary>
    public static KeyType<CometCoord> CometCoord { get; } = new("CometCoordKey", Units.NoUnits, Codecs.CometCoord);

    /// <summary><c>AltAzCoordKey</c>: horizontal coordinates.</summary>
    public static KeyType<AltAzCoord> AltAzCoord { get; } = new("AltAzCoordKey", Units.NoUnits, Codecs.AltAzCoord);

    /// <summary><c>CoordKey</c>: coordinates of any kind.</summary>
    public static KeyType<Coord> Coord { get; } = new("CoordKey", Units.NoUnits, Codecs.Coord);

    /// <summary><c>BooleanKey</c>: booleans.</summary>
    public static KeyType<bool> Boolean { get; } = new("BooleanKey", Units.NoUnits, Codecs.Boolean);

    /// <summary><c>CharKey</c>: characters (one-character strings on the wire).</summary>
    public static KeyType<char> Char { get; } = new("CharKey", Units.NoUnits, Codecs.Char);

    /// <summary><c>ByteKey</c>: signed bytes (CSW's bytes are signed, -128 to 127).</summary>
    public static KeyType<sbyte> Byte { get; } = new("ByteKey", Units.NoUnits, Codecs.Byte);

    /// <summary><c>ShortKey</c>: 16-bit integers.</summary>
    public static KeyType<short> Short { get; } = new("ShortKey", Units.NoUnits, Codecs.Short);

    /// <summary><c>LongKey</c>: 64-bit integers.</summary>
    public static KeyType<long> Long { get; } = new("LongKey", Units.NoUnits, Codecs.Long);

    /// <summary><c>IntKey</c>: 32-bit integers.</summary>
    public static KeyType<int> Int { get; } = new("IntKey", Units.NoUnits, Codecs.Int);

    /// <summary><c>FloatKey</c>: 32-bit floating-point numbers.</summary>
    public static KeyType<float> Float { get; } = new("FloatKey", Units.NoUnits, Codecs.Float);

    /// <summary><c>DoubleKey</c>: 64-bit floating-point numbers.</summary>
    public static KeyType<double> Double { get; } = new("DoubleKey", Units.NoUnits, Codecs.Double);

    /// <summary><c>ByteArrayKey</c>: arrays of sbyte.</summary>
    public static KeyType<ArrayData<sbyte>> ByteArray { get; } = new("ByteArrayKey", Units.NoUnits, Codecs.ByteArray);

    /// <summary><c>ShortArrayKey</c>: arrays of short.</summary>
    public static KeyType<ArrayData<short>> ShortArray { get; } = new("ShortArrayKey", Units.NoUnits, Codecs.ShortArray);

    /// <summary><c>LongArrayKey</c>: arrays of long.</summary>
    public static KeyType<ArrayData<long>> LongArray { get; } = new("LongArrayKey", Units.NoUnits, Codecs.LongArray);

    /// <summary><c>IntArrayKey</c>: arrays of int.</summary>
    public static KeyType<ArrayData<int>> IntArray { get; } = new("IntArrayKey", Units.NoUnits, Codecs.IntArray);

    /// <summary><c>FloatArrayKey</c>: arrays of float.</summary>
    public static KeyType<ArrayData<float>> FloatArray { get; } = new("FloatArrayKey", Units.NoUnits, Codecs.FloatArray);

    /// <summary><c>DoubleArrayKey</c>: arrays of double.</summary>
    public static KeyType<ArrayData<double>> DoubleArray { get; } = new("DoubleArrayKey", Units.NoUnits, Codecs.DoubleArray);

    /// <summary><c>ByteMatrixKey</c>: matrices of sbyte.</summary>
    public static KeyType<MatrixData<sbyte>> ByteMatrix { get; } = new("ByteMatrixKey", Units.NoUnits, Codecs.ByteMatrix);

    /// <summary><c>ShortMatrixKey</c>: matrices of short.</summary>
    public static KeyType<MatrixData<short>> ShortMatrix { get; } = new("ShortMatrixKey", Units.NoUnits, Codecs.ShortMatrix);

    /// <summary><c>LongMatrixKey</c>: matrices of long.</summary>
    public static KeyType<MatrixData<long>> LongMatrix { get; } = new("LongMatrixKey", Units.NoUnits, Codecs.LongMatrix);

    /// <summary><c>IntMatrixKey</c>: matrices of int.</summary>
    public static KeyType<MatrixData<int>> IntMatrix { get; } = new("IntMatrixKey", Units.NoUnits, Codecs.IntMatrix);

    /// <summary><c>FloatMatrixKey</c>: matrices of float.</summary>
    public static KeyType<MatrixData<float>> FloatMatrix { get; } = new("FloatMatrixKey", Units.NoUnits, Codecs.FloatMatrix);

    /// <summary><c>DoubleMatrixKey</c>: matrices of double.</summary>
    public static KeyType<MatrixData<double>> DoubleMatrix { get; } = new("DoubleMatrixKey", Units.NoUnits, Codecs.DoubleMatrix);

    /// <summary>All 30 key types, in CSW's order.</summary>
    public static IReadOnlyList<KeyType> All { get; } = [Choice, String, UtcTime, TaiTime, EqCoord, SolarSystemCoord, MinorPlanetCoord, CometCoord, AltAzCoord, Coord, Boolean, Char, Byte, Short, Long, Int, Float, Double, ByteArray, ShortArray, LongArray, IntArray, FloatArray, DoubleArray, ByteMatrix, ShortMatrix, LongMatrix, IntMatrix, FloatMatrix, DoubleMatrix];

    private static readonly NameTable<KeyType> Table = new(All.Select(k => (k.Name, k)));

    /// <summary>Finds a key type by its name, ignoring case as CSW does.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KeyType? keyType)
        => Table.TryGet(name, out keyType);

    internal static bool TryRead(ref Utf8JsonReader reader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KeyType? keyType)
        => Table.TryGet(ref reader, out keyType);
}
