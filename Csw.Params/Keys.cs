using Csw.Params.Coords;

namespace Csw.Params;

/// <summary>
/// Factories for keys of each of CSW's 30 key types: <c>var repeat = Keys.Int("repeat");</c>.
/// A key name may not contain <c>[</c>, <c>]</c> or <c>/</c>.
/// </summary>
public static class Keys
{
    /// <summary>A key of one of a fixed set of choices; <see cref="Key{T}.Set"/> rejects values not in <paramref name="choices"/>.</summary>
    public static Key<Choice> Choice(string name, Choices choices, Units? units = null) => KeyType.Choice.Make(name, units, choices);

    /// <summary>A key of strings (<c>StringKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<string> String(string name, Units? units = null) => KeyType.String.Make(name, units);

    /// <summary>A key of UTC instants (<c>UTCTimeKey</c>), with <see cref="Units.Utc"/> unless <paramref name="units"/> is given.</summary>
    public static Key<UtcTime> UtcTime(string name, Units? units = null) => KeyType.UtcTime.Make(name, units);

    /// <summary>A key of TAI instants (<c>TAITimeKey</c>), with <see cref="Units.Tai"/> unless <paramref name="units"/> is given.</summary>
    public static Key<TaiTime> TaiTime(string name, Units? units = null) => KeyType.TaiTime.Make(name, units);

    /// <summary>A key of equatorial coordinates (<c>EqCoordKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<EqCoord> EqCoord(string name, Units? units = null) => KeyType.EqCoord.Make(name, units);

    /// <summary>A key of solar-system coordinates (<c>SolarSystemCoordKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<SolarSystemCoord> SolarSystemCoord(string name, Units? units = null) => KeyType.SolarSystemCoord.Make(name, units);

    /// <summary>A key of minor-planet coordinates (<c>MinorPlanetCoordKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<MinorPlanetCoord> MinorPlanetCoord(string name, Units? units = null) => KeyType.MinorPlanetCoord.Make(name, units);

    /// <summary>A key of comet coordinates (<c>CometCoordKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<CometCoord> CometCoord(string name, Units? units = null) => KeyType.CometCoord.Make(name, units);

    /// <summary>A key of horizontal coordinates (<c>AltAzCoordKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<AltAzCoord> AltAzCoord(string name, Units? units = null) => KeyType.AltAzCoord.Make(name, units);

    /// <summary>A key of coordinates of any kind (<c>CoordKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<Coord> Coord(string name, Units? units = null) => KeyType.Coord.Make(name, units);

    /// <summary>A key of booleans (<c>BooleanKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<bool> Boolean(string name, Units? units = null) => KeyType.Boolean.Make(name, units);

    /// <summary>A key of characters (one-character strings on the wire) (<c>CharKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<char> Char(string name, Units? units = null) => KeyType.Char.Make(name, units);

    /// <summary>A key of signed bytes (CSW's bytes are signed, -128 to 127) (<c>ByteKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<sbyte> Byte(string name, Units? units = null) => KeyType.Byte.Make(name, units);

    /// <summary>A key of 16-bit integers (<c>ShortKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<short> Short(string name, Units? units = null) => KeyType.Short.Make(name, units);

    /// <summary>A key of 64-bit integers (<c>LongKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<long> Long(string name, Units? units = null) => KeyType.Long.Make(name, units);

    /// <summary>A key of 32-bit integers (<c>IntKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<int> Int(string name, Units? units = null) => KeyType.Int.Make(name, units);

    /// <summary>A key of 32-bit floating-point numbers (<c>FloatKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<float> Float(string name, Units? units = null) => KeyType.Float.Make(name, units);

    /// <summary>A key of 64-bit floating-point numbers (<c>DoubleKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<double> Double(string name, Units? units = null) => KeyType.Double.Make(name, units);

    /// <summary>A key of arrays of sbyte (<c>ByteArrayKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<ArrayData<sbyte>> ByteArray(string name, Units? units = null) => KeyType.ByteArray.Make(name, units);

    /// <summary>A key of arrays of short (<c>ShortArrayKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<ArrayData<short>> ShortArray(string name, Units? units = null) => KeyType.ShortArray.Make(name, units);

    /// <summary>A key of arrays of long (<c>LongArrayKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<ArrayData<long>> LongArray(string name, Units? units = null) => KeyType.LongArray.Make(name, units);

    /// <summary>A key of arrays of int (<c>IntArrayKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<ArrayData<int>> IntArray(string name, Units? units = null) => KeyType.IntArray.Make(name, units);

    /// <summary>A key of arrays of float (<c>FloatArrayKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<ArrayData<float>> FloatArray(string name, Units? units = null) => KeyType.FloatArray.Make(name, units);

    /// <summary>A key of arrays of double (<c>DoubleArrayKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<ArrayData<double>> DoubleArray(string name, Units? units = null) => KeyType.DoubleArray.Make(name, units);

    /// <summary>A key of matrices of sbyte (<c>ByteMatrixKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<MatrixData<sbyte>> ByteMatrix(string name, Units? units = null) => KeyType.ByteMatrix.Make(name, units);

    /// <summary>A key of matrices of short (<c>ShortMatrixKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<MatrixData<short>> ShortMatrix(string name, Units? units = null) => KeyType.ShortMatrix.Make(name, units);

    /// <summary>A key of matrices of long (<c>LongMatrixKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<MatrixData<long>> LongMatrix(string name, Units? units = null) => KeyType.LongMatrix.Make(name, units);

    /// <summary>A key of matrices of int (<c>IntMatrixKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<MatrixData<int>> IntMatrix(string name, Units? units = null) => KeyType.IntMatrix.Make(name, units);

    /// <summary>A key of matrices of float (<c>FloatMatrixKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<MatrixData<float>> FloatMatrix(string name, Units? units = null) => KeyType.FloatMatrix.Make(name, units);

    /// <summary>A key of matrices of double (<c>DoubleMatrixKey</c>), with <see cref="Units.NoUnits"/> unless <paramref name="units"/> is given.</summary>
    public static Key<MatrixData<double>> DoubleMatrix(string name, Units? units = null) => KeyType.DoubleMatrix.Make(name, units);
}
