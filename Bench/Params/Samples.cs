using Csw.Params;

namespace Bench.Params;

/// <summary>The data measured: a Setup with ten mixed parameters and a 1000×1000 double matrix, each also as a plain DTO.</summary>
internal static class Samples
{
    public static Setup Setup()
    {
        var prefix = Prefix.Parse("WFOS.blue.filter");
        return new Setup(prefix, "move", ObsId.Parse("2020A-001-123")).Add(
            Keys.Int("repeat").Set(22),
            Keys.Long("exposureNs").Set(1_500_000_000L, 2_500_000_000L),
            Keys.Double("ra", Units.Degree).Set(185.0123456789),
            Keys.Float("gain").Set(1.25f, 2.5f, 5f),
            Keys.String("filter").Set("H-alpha"),
            Keys.Boolean("dither").Set(true, false),
            Keys.Char("mode").Set('A'),
            Keys.UtcTime("start").Set(UtcTime.Parse("2017-09-04T19:00:00.123456789Z")),
            Keys.IntArray("window").Set(new ArrayData<int>(0, 0, 2048, 2048, 1, 1, 4, 4)),
            Keys.DoubleMatrix("rotation").Set(new MatrixData<double>([0.5, -0.8660254037844386, 0.0], [0.8660254037844386, 0.5, 0.0], [0.0, 0.0, 1.0])));
    }

    public static SetupDto SetupDto() => new()
    {
        Type = "Setup",
        Source = "WFOS.blue.filter",
        CommandName = "move",
        MaybeObsId = "2020A-001-123",
        ParamSet =
        [
            new() { IntKey = Body("repeat", "NoUnits", 22) },
            new() { LongKey = Body("exposureNs", "NoUnits", 1_500_000_000L, 2_500_000_000L) },
            new() { DoubleKey = Body("ra", "degree", 185.0123456789) },
            new() { FloatKey = Body("gain", "NoUnits", 1.25f, 2.5f, 5f) },
            new() { StringKey = Body("filter", "NoUnits", "H-alpha") },
            new() { BooleanKey = Body("dither", "NoUnits", true, false) },
            new() { CharKey = Body("mode", "NoUnits", "A") },
            new() { UTCTimeKey = Body("start", "utc", "2017-09-04T19:00:00.123456789Z") },
            new() { IntArrayKey = Body<int[]>("window", "NoUnits", new[] { 0, 0, 2048, 2048, 1, 1, 4, 4 }) },
            new() { DoubleMatrixKey = Body<double[][]>("rotation", "NoUnits", new[] { new[] { 0.5, -0.8660254037844386, 0.0 }, [0.8660254037844386, 0.5, 0.0], [0.0, 0.0, 1.0] }) },
        ],
    };

    public static double[][] MatrixRows(int size)
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, size).Select(_ => Enumerable.Range(0, size).Select(_ => random.NextDouble() * 1000.0 - 500.0).ToArray())];
    }

    public static Parameter Matrix(double[][] rows) => Keys.DoubleMatrix("image").Set(new MatrixData<double>(rows));

    public static ParamDto MatrixDto(double[][] rows) => new() { DoubleMatrixKey = Body<double[][]>("image", "NoUnits", rows) };

    private static ParamBody<T> Body<T>(string name, string units, params T[] values) => new() { KeyName = name, Values = values, Units = units };
}
