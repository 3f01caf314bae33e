using Csw.Params.Coords;
using Csw.Params.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Csw.Params.Tests.Properties;

/// <summary>FsCheck generators for the whole model: identifiers, every key type's values, parameters, commands, states, responses, requests.</summary>
internal static class Generators
{
    private static readonly char[] NameChars = "abcXYZ019 ._:\"\\'µé\n\t{}<>&+".ToCharArray();

    public static Gen<string> Text(int maxLength = 8) =>
        from length in Gen.Choose(0, maxLength)
        from chars in Gen.ArrayOf(Gen.Elements(NameChars), length)
        select new string(chars);

    public static Gen<string> KeyName => Text();

    public static Gen<long> Long =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((long)high << 32) | (uint)low;

    public static Gen<double> Double => Gen.Frequency(
        (3, Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite)),
        (2, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 100.0)),
        (1, Gen.Elements(0.0, -0.0, double.MaxValue, double.MinValue, double.Epsilon, 1e-300, 0.1)));

    public static Gen<float> Float => Gen.Frequency(
        (3, Gen.Choose(int.MinValue, int.MaxValue).Select(BitConverter.Int32BitsToSingle).Where(float.IsFinite)),
        (1, Gen.Elements(0f, float.MaxValue, float.Epsilon, 0.1f, 1.25f)));

    public static Gen<char> Char => Gen.Choose(0, 0xFFFF).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c);

    public static Gen<Prefix> Prefix =>
        from subsystem in Gen.Elements(Enum.GetValues<Subsystem>())
        from name in Text().Select(n => n.Trim().Replace("-", "", StringComparison.Ordinal))
        select new Prefix(subsystem, name);

    public static Gen<ObsId> ObsId =>
        from year in Gen.Choose(0, 9999)
        from semester in Gen.Elements(Semester.A, Semester.B)
        from program in Gen.Choose(1, 999)
        from observation in Gen.Choose(1, 999)
        select new ObsId(year, semester, program, observation);

    public static Gen<Id> Id => Gen.Frequency((1, Gen.Fresh(() => new Id())), (1, Text().Select(t => new Id(t))));

    public static Gen<UtcTime> UtcTime =>
        from seconds in Long.Select(l => -62_135_596_800L + (long)((ulong)l % 315_537_897_600UL))
        from nanos in Gen.Elements(0, 1, 999_999_999, 123_000_000, 456_000).Or(Gen.Choose(0, 999_999_999))
        select new UtcTime(seconds, nanos);

    private static Gen<Angle> Angle => Long.Select(l => new Angle(l));

    private static Gen<Tag> Tag => Gen.Elements(Coords.Tag.Base, Coords.Tag.Oiwfs1, Coords.Tag.Guider2).Or(Text().Select(t => new Tag(t)));

    public static Gen<EqCoord> EqCoord =>
        from tag in Tag from ra in Angle from dec in Angle from frame in Gen.Elements(EqFrame.ICRS, EqFrame.FK5)
        from catalog in Text() from pmx in Double from pmy in Double
        select new EqCoord(tag, ra, dec, frame, catalog, new ProperMotion(pmx, pmy));

    public static Gen<SolarSystemCoord> SolarSystemCoord =>
        from tag in Tag from body in Gen.Elements(Enum.GetValues<SolarSystemObject>()) select new SolarSystemCoord(tag, body);

    public static Gen<MinorPlanetCoord> MinorPlanetCoord =>
        from tag in Tag from epoch in Double from i in Angle from node in Angle from peri in Angle
        from distance in Double from e in Double from anomaly in Angle
        select new MinorPlanetCoord(tag, epoch, i, node, peri, distance, e, anomaly);

    public static Gen<CometCoord> CometCoord =>
        from tag in Tag from epoch in Double from i in Angle from node in Angle from peri in Angle from distance in Double from e in Double
        select new CometCoord(tag, epoch, i, node, peri, distance, e);

    public static Gen<AltAzCoord> AltAzCoord => from tag in Tag from alt in Angle from az in Angle select new AltAzCoord(tag, alt, az);

    public static Gen<Coord> Coord => Gen.OneOf(
        EqCoord.Select(c => (Coord)c), SolarSystemCoord.Select(c => (Coord)c), MinorPlanetCoord.Select(c => (Coord)c),
        CometCoord.Select(c => (Coord)c), AltAzCoord.Select(c => (Coord)c));

    private static Gen<T[]> Small<T>(Gen<T> gen, int max = 4) => from n in Gen.Choose(0, max) from values in Gen.ArrayOf(gen, n) select values;

    private static Gen<ArrayData<T>> Array<T>(Gen<T> gen) => Small(gen, 6).Select(v => new ArrayData<T>(v));

    private static Gen<MatrixData<T>> Matrix<T>(Gen<T> gen) => Small(Small(gen), 3).Select(rows => new MatrixData<T>(rows));

    private static Gen<Parameter> Param<T>(KeyType<T> keyType, Gen<T> values) =>
        from name in KeyName
        from units in Gen.Elements(Units.All.ToArray())
        from vs in Small(values)
        select (Parameter)keyType.Make(name, units).Set(vs);

    private static Gen<sbyte> Byte => Gen.Choose(sbyte.MinValue, sbyte.MaxValue).Select(i => (sbyte)i);

    private static Gen<short> Short => Gen.Choose(short.MinValue, short.MaxValue).Select(i => (short)i);

    private static Gen<int> Int => Gen.Choose(int.MinValue, int.MaxValue);

    public static Gen<Parameter> Parameter => Gen.OneOf(
        Param(KeyType.Choice, Text().Select(t => new Choice(t))),
        Param(KeyType.String, Text()),
        Param(KeyType.UtcTime, UtcTime),
        Param(KeyType.TaiTime, UtcTime.Select(t => new TaiTime(t.EpochSecond, t.Nanos))),
        Param(KeyType.EqCoord, EqCoord),
        Param(KeyType.SolarSystemCoord, SolarSystemCoord),
        Param(KeyType.MinorPlanetCoord, MinorPlanetCoord),
        Param(KeyType.CometCoord, CometCoord),
        Param(KeyType.AltAzCoord, AltAzCoord),
        Param(KeyType.Coord, Coord),
        Param(KeyType.Boolean, Gen.Elements(true, false)),
        Param(KeyType.Char, Char),
        Param(KeyType.Byte, Byte),
        Param(KeyType.Short, Short),
        Param(KeyType.Long, Long),
        Param(KeyType.Int, Int),
        Param(KeyType.Float, Float),
        Param(KeyType.Double, Double),
        Param(KeyType.ByteArray, Array(Byte)),
        Param(KeyType.ShortArray, Array(Short)),
        Param(KeyType.LongArray, Array(Long)),
        Param(KeyType.IntArray, Array(Int)),
        Param(KeyType.FloatArray, Array(Float)),
        Param(KeyType.DoubleArray, Array(Double)),
        Param(KeyType.ByteMatrix, Matrix(Byte)),
        Param(KeyType.ShortMatrix, Matrix(Short)),
        Param(KeyType.LongMatrix, Matrix(Long)),
        Param(KeyType.IntMatrix, Matrix(Int)),
        Param(KeyType.FloatMatrix, Matrix(Float)),
        Param(KeyType.DoubleMatrix, Matrix(Double)));

    public static Gen<ParamSet> ParamSet => Small(Parameter, 5).Select(ps => Params.ParamSet.Of(ps));

    public static Gen<Command> Command =>
        from kind in Gen.Choose(0, 2)
        from source in Prefix
        from name in Text()
        from obsId in Gen.OneOf(Gen.Constant<ObsId?>(null), ObsId.Select(o => (ObsId?)o))
        from set in ParamSet
        select kind switch
        {
            0 => (Command)new Setup(source, name, obsId) { ParamSet = set },
            1 => new Observe(source, name, obsId) { ParamSet = set },
            _ => new Wait(source, name, obsId) { ParamSet = set },
        };

    public static Gen<StateVariable> State =>
        from current in Gen.Elements(true, false)
        from prefix in Prefix
        from name in Text()
        from set in ParamSet
        select current ? (StateVariable)new CurrentState(prefix, name) { ParamSet = set } : new DemandState(prefix, name) { ParamSet = set };

    public static Gen<CommandResponse> Response =>
        from kind in Gen.Choose(0, 6)
        from runId in Id
        from set in ParamSet
        from issueKind in Gen.Elements(Enum.GetValues<CommandIssueKind>())
        from text in Text()
        select kind switch
        {
            0 => (CommandResponse)new Accepted(runId),
            1 => new Started(runId),
            2 => new Completed(runId, new Result { ParamSet = set }),
            3 => new Invalid(runId, new CommandIssue(issueKind, text)),
            4 => new Error(runId, text),
            5 => new Cancelled(runId),
            _ => new Locked(runId),
        };

    public static Gen<CommandServiceRequest> Request =>
        from kind in Gen.Choose(0, 7)
        from command in Command.Where(c => c is ControlCommand).Select(c => (ControlCommand)c)
        from runId in Id
        from time in UtcTime
        from hint in Text()
        select kind switch
        {
            0 => (CommandServiceRequest)new Validate(command),
            1 => new Submit(command),
            2 => new Oneway(command),
            3 => new Query(runId),
            4 => new ExecuteDiagnosticMode(time, hint),
            5 => new ExecuteOperationsMode(),
            6 => new GoOnline(),
            _ => new GoOffline(),
        };

    public static Gen<CommandServiceStreamRequest> StreamRequest =>
        from final in Gen.Elements(true, false)
        from runId in Id
        from seconds in Gen.Choose(0, int.MaxValue)
        from names in Small(Text())
        select final
            ? (CommandServiceStreamRequest)new QueryFinal(runId, TimeSpan.FromSeconds(seconds))
            : new SubscribeCurrentState(names.Select(n => new StateName(n)));
}
