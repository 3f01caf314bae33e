using Csw.Params.Coords;

namespace Csw.Params.Internal;

/// <summary>The value codec of each key type.</summary>
internal static class Codecs
{
    public static readonly ValueCodec<Choice> Choice = new ScalarCodec<ChoiceScalar, Choice>();
    public static readonly ValueCodec<string> String = new ScalarCodec<StringScalar, string>();
    public static readonly ValueCodec<UtcTime> UtcTime = new ScalarCodec<UtcTimeScalar, UtcTime>();
    public static readonly ValueCodec<TaiTime> TaiTime = new ScalarCodec<TaiTimeScalar, TaiTime>();
    public static readonly ValueCodec<EqCoord> EqCoord = new ScalarCodec<CoordScalar<EqCoord>, EqCoord>();
    public static readonly ValueCodec<SolarSystemCoord> SolarSystemCoord = new ScalarCodec<CoordScalar<SolarSystemCoord>, SolarSystemCoord>();
    public static readonly ValueCodec<MinorPlanetCoord> MinorPlanetCoord = new ScalarCodec<CoordScalar<MinorPlanetCoord>, MinorPlanetCoord>();
    public static readonly ValueCodec<CometCoord> CometCoord = new ScalarCodec<CoordScalar<CometCoord>, CometCoord>();
    public static readonly ValueCodec<AltAzCoord> AltAzCoord = new ScalarCodec<CoordScalar<AltAzCoord>, AltAzCoord>();
    public static readonly ValueCodec<Coord> Coord = new ScalarCodec<CoordScalar<Coord>, Coord>();
    public static readonly ValueCodec<bool> Boolean = new ScalarCodec<BooleanScalar, bool>();
    public static readonly ValueCodec<char> Char = new ScalarCodec<CharScalar, char>();
    public static readonly ValueCodec<sbyte> Byte = new ScalarCodec<ByteScalar, sbyte>();
    public static readonly ValueCodec<short> Short = new ScalarCodec<ShortScalar, short>();
    public static readonly ValueCodec<long> Long = new ScalarCodec<LongScalar, long>();
    public static readonly ValueCodec<int> Int = new ScalarCodec<IntScalar, int>();
    public static readonly ValueCodec<float> Float = new ScalarCodec<FloatScalar, float>();
    public static readonly ValueCodec<double> Double = new ScalarCodec<DoubleScalar, double>();

    public static readonly ValueCodec<ArrayData<sbyte>> ByteArray = new ArrayCodec<ByteScalar, sbyte>();
    public static readonly ValueCodec<ArrayData<short>> ShortArray = new ArrayCodec<ShortScalar, short>();
    public static readonly ValueCodec<ArrayData<long>> LongArray = new ArrayCodec<LongScalar, long>();
    public static readonly ValueCodec<ArrayData<int>> IntArray = new ArrayCodec<IntScalar, int>();
    public static readonly ValueCodec<ArrayData<float>> FloatArray = new ArrayCodec<FloatScalar, float>();
    public static readonly ValueCodec<ArrayData<double>> DoubleArray = new ArrayCodec<DoubleScalar, double>();

    public static readonly ValueCodec<MatrixData<sbyte>> ByteMatrix = new MatrixCodec<ByteScalar, sbyte>();
    public static readonly ValueCodec<MatrixData<short>> ShortMatrix = new MatrixCodec<ShortScalar, short>();
    public static readonly ValueCodec<MatrixData<long>> LongMatrix = new MatrixCodec<LongScalar, long>();
    public static readonly ValueCodec<MatrixData<int>> IntMatrix = new MatrixCodec<IntScalar, int>();
    public static readonly ValueCodec<MatrixData<float>> FloatMatrix = new MatrixCodec<FloatScalar, float>();
    public static readonly ValueCodec<MatrixData<double>> DoubleMatrix = new MatrixCodec<DoubleScalar, double>();
}
