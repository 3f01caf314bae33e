using System.Text.Json;
using Csw.Params.Coords;
using Csw.Params.Messages;
using Csw.Params.Tests.Support;

namespace Csw.Params.Tests;

public sealed class CswJsonTests
{
    private static readonly Prefix Prefix = Prefix.Parse("CSW.ncc.trombone");
    private static readonly Id RunId = new("7a4cd6ab-6077-476d-a035-6f83be1de42c");

    public static TheoryData<Parameter, string> Parameters => new()
    {
        { Keys.Int("i").Set(1, -2), """{"IntKey":{"keyName":"i","values":[1,-2],"units":"NoUnits"}}""" },
        { Keys.Long("l").Set(long.MaxValue), """{"LongKey":{"keyName":"l","values":[9223372036854775807],"units":"NoUnits"}}""" },
        { Keys.Short("s").Set(short.MinValue), """{"ShortKey":{"keyName":"s","values":[-32768],"units":"NoUnits"}}""" },
        { Keys.Byte("b").Set(-128, 127), """{"ByteKey":{"keyName":"b","values":[-128,127],"units":"NoUnits"}}""" },
        { Keys.Float("f").Set(0.1f), """{"FloatKey":{"keyName":"f","values":[0.1],"units":"NoUnits"}}""" },
        { Keys.Double("d", Units.Meter).Set(1950.0, 1e-300), """{"DoubleKey":{"keyName":"d","values":[1950,1e-300],"units":"meter"}}""" },
        { Keys.Boolean("flag").Set(true), """{"BooleanKey":{"keyName":"flag","values":[true],"units":"NoUnits"}}""" },
        { Keys.Char("c").Set('A', 'é'), """{"CharKey":{"keyName":"c","values":["A","é"],"units":"NoUnits"}}""" },
        { Keys.String("s").Set("a \"quoted\" µ"), """{"StringKey":{"keyName":"s","values":["a \"quoted\" µ"],"units":"NoUnits"}}""" },
        { Keys.Choice("c", Choices.From("A", "B")).Set("B"), """{"ChoiceKey":{"keyName":"c","values":["B"],"units":"NoUnits"}}""" },
        { Keys.UtcTime("t").Set(new UtcTime(1504551600, 123456789)), """{"UTCTimeKey":{"keyName":"t","values":["2017-09-04T19:00:00.123456789Z"],"units":"utc"}}""" },
        { Keys.TaiTime("t").Set(new TaiTime(0, 0)), """{"TAITimeKey":{"keyName":"t","values":["1970-01-01T00:00:00Z"],"units":"tai"}}""" },
        { Keys.ByteArray("a").Set(new ArrayData<sbyte>(1, -2)), """{"ByteArrayKey":{"keyName":"a","values":[[1,-2]],"units":"NoUnits"}}""" },
        { Keys.ShortArray("a").Set(new ArrayData<short>(3)), """{"ShortArrayKey":{"keyName":"a","values":[[3]],"units":"NoUnits"}}""" },
        { Keys.IntArray("a").Set(new ArrayData<int>(1, 2), new ArrayData<int>()), """{"IntArrayKey":{"keyName":"a","values":[[1,2],[]],"units":"NoUnits"}}""" },
        { Keys.LongArray("a").Set(new ArrayData<long>(5)), """{"LongArrayKey":{"keyName":"a","values":[[5]],"units":"NoUnits"}}""" },
        { Keys.FloatArray("a").Set(new ArrayData<float>(9.5f)), """{"FloatArrayKey":{"keyName":"a","values":[[9.5]],"units":"NoUnits"}}""" },
        { Keys.DoubleArray("a").Set(new ArrayData<double>(11, 12)), """{"DoubleArrayKey":{"keyName":"a","values":[[11,12]],"units":"NoUnits"}}""" },
        { Keys.ByteMatrix("m").Set(new MatrixData<sbyte>([1, 2], [3, 4])), """{"ByteMatrixKey":{"keyName":"m","values":[[[1,2],[3,4]]],"units":"NoUnits"}}""" },
        { Keys.ShortMatrix("m").Set(new MatrixData<short>([4])), """{"ShortMatrixKey":{"keyName":"m","values":[[[4]]],"units":"NoUnits"}}""" },
        { Keys.IntMatrix("m").Set(new MatrixData<int>([12, 13], [14])), """{"IntMatrixKey":{"keyName":"m","values":[[[12,13],[14]]],"units":"NoUnits"}}""" },
        { Keys.LongMatrix("m").Set(new MatrixData<long>([8])), """{"LongMatrixKey":{"keyName":"m","values":[[[8]]],"units":"NoUnits"}}""" },
        { Keys.FloatMatrix("m").Set(new MatrixData<float>([16.5f])), """{"FloatMatrixKey":{"keyName":"m","values":[[[16.5]]],"units":"NoUnits"}}""" },
        { Keys.DoubleMatrix("m").Set(new MatrixData<double>([20, 21], [22, 23])), """{"DoubleMatrixKey":{"keyName":"m","values":[[[20,21],[22,23]]],"units":"NoUnits"}}""" },
        { Keys.EqCoord("eq").Set(new EqCoord(Tag.Base, new Angle(659912250000), new Angle(-109892300000), EqFrame.FK5, "none", new ProperMotion(0.5, 2.33))),
            """{"EqCoordKey":{"keyName":"eq","values":[{"_type":"EqCoord","tag":"BASE","ra":659912250000,"dec":-109892300000,"frame":"FK5","catalogName":"none","pm":{"pmx":0.5,"pmy":2.33}}],"units":"NoUnits"}}""" },
        { Keys.SolarSystemCoord("p").Set(new SolarSystemCoord("planet", SolarSystemObject.Jupiter)),
            """{"SolarSystemCoordKey":{"keyName":"p","values":[{"_type":"SolarSystemCoord","tag":"planet","body":"Jupiter"}],"units":"NoUnits"}}""" },
        { Keys.MinorPlanetCoord("mp").Set(new MinorPlanetCoord(Tag.Guider1, 2000, new Angle(324000000000), new Angle(7200000000), new Angle(360000000000), 1.4, 0.234, new Angle(792000000000))),
            """{"MinorPlanetCoordKey":{"keyName":"mp","values":[{"_type":"MinorPlanetCoord","tag":"GUIDER1","epoch":2000,"inclination":324000000000,"longAscendingNode":7200000000,"argOfPerihelion":360000000000,"meanDistance":1.4,"eccentricity":0.234,"meanAnomaly":792000000000}],"units":"NoUnits"}}""" },
        { Keys.CometCoord("c").Set(new CometCoord(Tag.Base, 2000, new Angle(324000000000), new Angle(7200000000), new Angle(360000000000), 1.4, 0.234)),
            """{"CometCoordKey":{"keyName":"c","values":[{"_type":"CometCoord","tag":"BASE","epochOfPerihelion":2000,"inclination":324000000000,"longAscendingNode":7200000000,"argOfPerihelion":360000000000,"perihelionDistance":1.4,"eccentricity":0.234}],"units":"NoUnits"}}""" },
        { Keys.AltAzCoord("aa").Set(new AltAzCoord(Tag.Base, new Angle(1083600000000), new Angle(153000000000))),
            """{"AltAzCoordKey":{"keyName":"aa","values":[{"_type":"AltAzCoord","tag":"BASE","alt":1083600000000,"az":153000000000}],"units":"NoUnits"}}""" },
        { Keys.Coord("any").Set(new SolarSystemCoord(Tag.Base, SolarSystemObject.Venus), new AltAzCoord(Tag.Oiwfs1, default, default)),
            """{"CoordKey":{"keyName":"any","values":[{"_type":"SolarSystemCoord","tag":"BASE","body":"Venus"},{"_type":"AltAzCoord","tag":"OIWFS1","alt":0,"az":0}],"units":"NoUnits"}}""" },
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public void Serialize_EachKeyType_WritesCswJsonAndReadsItBack(Parameter parameter, string expected)
    {
        var json = CswJson.Serialize(parameter);

        JsonAssert.Equivalent(expected, json);
        Assert.Equal(parameter, CswJson.Deserialize<Parameter>(expected));
    }

    [Fact]
    public void Parameters_CoverEveryKeyType()
    {
        var covered = Parameters.Select(row => ((Parameter)row[0]).KeyType).Distinct();

        Assert.Equal(KeyType.All.Count, covered.Count());
    }

    [Fact]
    public void Serialize_SetupWithoutObsId_OmitsMaybeObsId()
    {
        var json = CswJson.Serialize(new Setup(Prefix, "move"));

        JsonAssert.Equivalent("""{"_type":"Setup","source":"CSW.ncc.trombone","commandName":"move","paramSet":[]}""", json);
    }

    [Fact]
    public void Deserialize_NullObsId_MeansAbsent()
    {
        var setup = CswJson.Deserialize<Setup>("""{"_type":"Setup","source":"CSW.ncc.trombone","commandName":"move","maybeObsId":null,"paramSet":[]}""");

        Assert.Null(setup.ObsId);
    }

    [Fact]
    public void Deserialize_TypeNotFirstAndUnknownFields_Reads()
    {
        var setup = CswJson.Deserialize<ControlCommand>(
            """{"source":"csw.ncc.trombone","extra":{"a":[1,2]},"commandName":"move","paramSet":[],"_type":"Observe"}""");

        Assert.Equal(new Observe(Prefix, "move"), setup);
    }

    [Fact]
    public void Serialize_CurrentState_HasNoTypeAloneButHasOneAsStateVariable()
    {
        var state = new CurrentState(Prefix, "idle").Add(Keys.Int("n").Set(1));

        using var alone = JsonDocument.Parse(CswJson.Serialize(state));
        using var asVariable = JsonDocument.Parse(CswJson.Serialize<StateVariable>(state));

        Assert.False(alone.RootElement.TryGetProperty("_type", out _));
        Assert.Equal("CurrentState", asVariable.RootElement.GetProperty("_type").GetString());
        Assert.Equal(state, CswJson.Deserialize<CurrentState>(alone.RootElement.GetRawText()));
        Assert.Equal(state, CswJson.Deserialize<CurrentState>(asVariable.RootElement.GetRawText()));
    }

    public static TheoryData<CommandResponse, string> Responses => new()
    {
        { new Accepted(RunId), """{"_type":"Accepted","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c"}""" },
        { new Started(RunId), """{"_type":"Started","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c"}""" },
        { new Completed(RunId), """{"_type":"Completed","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c","result":{"paramSet":[]}}""" },
        { new Completed(RunId, new Result(Keys.Int("n").Set(1))),
            """{"_type":"Completed","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c","result":{"paramSet":[{"IntKey":{"keyName":"n","values":[1],"units":"NoUnits"}}]}}""" },
        { new Invalid(RunId, new CommandIssue(CommandIssueKind.HCDBusyIssue, "busy")),
            """{"_type":"Invalid","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c","issue":{"_type":"HCDBusyIssue","reason":"busy"}}""" },
        { new Error(RunId, "boom"), """{"_type":"Error","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c","message":"boom"}""" },
        { new Cancelled(RunId), """{"_type":"Cancelled","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c"}""" },
        { new Locked(RunId), """{"_type":"Locked","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c"}""" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public void Serialize_EachResponse_WritesCswJsonAndReadsItBack(CommandResponse response, string expected)
    {
        JsonAssert.Equivalent(expected, CswJson.Serialize(response));
        Assert.Equal(response, CswJson.Deserialize<CommandResponse>(expected));
        if (response is ISubmitResponse submit)
        {
            Assert.Equal(submit, CswJson.Deserialize<ISubmitResponse>(CswJson.Serialize(submit)));
        }
    }

    [Fact]
    public void Deserialize_EveryIssueKind_RoundTrips()
    {
        foreach (var kind in Enum.GetValues<CommandIssueKind>())
        {
            var issue = new CommandIssue(kind, "why");
            var json = CswJson.Serialize(issue);

            JsonAssert.Equivalent($$"""{"_type":"{{kind}}","reason":"why"}""", json);
            Assert.Equal(issue, CswJson.Deserialize<CommandIssue>(json));
        }
    }

    public static TheoryData<object, string> Requests => new()
    {
        { new Submit(new Setup(Prefix, "move")), """{"_type":"Submit","controlCommand":{"_type":"Setup","source":"CSW.ncc.trombone","commandName":"move","paramSet":[]}}""" },
        { new Validate(new Observe(Prefix, "move", ObsId.Parse("2020A-001-123"))),
            """{"_type":"Validate","controlCommand":{"_type":"Observe","source":"CSW.ncc.trombone","commandName":"move","maybeObsId":"2020A-001-123","paramSet":[]}}""" },
        { new Oneway(new Setup(Prefix, "move")), """{"_type":"Oneway","controlCommand":{"_type":"Setup","source":"CSW.ncc.trombone","commandName":"move","paramSet":[]}}""" },
        { new Query(RunId), """{"_type":"Query","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c"}""" },
        { new QueryFinal(RunId, TimeSpan.FromSeconds(100)), """{"_type":"QueryFinal","runId":"7a4cd6ab-6077-476d-a035-6f83be1de42c","timeoutInSeconds":100}""" },
        { new SubscribeCurrentState("idle"), """{"_type":"SubscribeCurrentState","names":["idle"]}""" },
        { new GoOnline(), """{"_type":"GoOnline"}""" },
        { new ExecuteDiagnosticMode(new UtcTime(0, 0), "engineering"), """{"_type":"ExecuteDiagnosticMode","startTime":"1970-01-01T00:00:00Z","hint":"engineering"}""" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Serialize_EachRequest_WritesCswJsonAndReadsItBack(object request, string expected)
    {
        if (request is CommandServiceRequest http)
        {
            JsonAssert.Equivalent(expected, CswJson.Serialize(http));
            Assert.Equal(http, CswJson.Deserialize<CommandServiceRequest>(expected));
        }
        else
        {
            var stream = (CommandServiceStreamRequest)request;
            JsonAssert.Equivalent(expected, CswJson.Serialize(stream));
            Assert.Equal(stream, CswJson.Deserialize<CommandServiceStreamRequest>(expected));
        }
    }

    [Fact]
    public void Deserialize_SubscribeWithoutNames_SubscribesToAll()
    {
        var request = CswJson.Deserialize<SubscribeCurrentState>("""{"_type":"SubscribeCurrentState"}""");

        Assert.Empty(request.Names);
    }

    [Fact]
    public void Identifiers_TopLevel_AreBareStringsOrObjects()
    {
        Assert.Equal("\"CSW.ncc.trombone\"", CswJson.Serialize(Prefix));
        Assert.Equal("\"2020A-001-123\"", CswJson.Serialize(ObsId.Parse("2020A-001-123")));
        Assert.Equal("\"HCD\"", CswJson.Serialize(ComponentType.HCD));
        Assert.Equal("\"meter\"", CswJson.Serialize(Units.Meter));
        Assert.Equal(new ComponentId(Prefix, ComponentType.Assembly),
            CswJson.Deserialize<ComponentId>("""{"prefix":"CSW.ncc.trombone","componentType":"Assembly"}"""));
        Assert.Equal(Subsystem.Container, CswJson.Deserialize<Subsystem>("\"container\""));
    }

    private sealed record Envelope(string Note, Setup Command, ISubmitResponse Response, Parameter<int>? Extra = null);

    [Fact]
    public void SerializerOptions_CswTypesInsideUserModel_UseCswFormat()
    {
        var envelope = new Envelope("hello", new Setup(Prefix, "move").Add(Keys.Int("n").Set(7)), new Completed(RunId), Keys.Int("x").Set(3));

        var json = JsonSerializer.Serialize(envelope, CswJson.SerializerOptions);
        var back = JsonSerializer.Deserialize<Envelope>(json, CswJson.SerializerOptions)!;

        Assert.Contains("\"_type\":\"Setup\"", json, StringComparison.Ordinal);
        Assert.Equal(envelope.Command, back.Command);
        Assert.Equal(envelope.Response, back.Response);
        Assert.Equal(envelope.Extra, back.Extra);
        Assert.True(CswJson.IsSupported(typeof(Parameter<MatrixData<double>>)));
        Assert.Equal("hello", back.Note);
    }

    [Fact]
    public void Serialize_UnsupportedType_ThrowsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => CswJson.Serialize(DateTime.Now));
        Assert.False(CswJson.IsSupported(typeof(string)));
        Assert.True(CswJson.IsSupported(typeof(ISubmitResponse)));
    }

    [Fact]
    public void Deserialize_MatrixOfOneMillionDoubles_ReadsWithDefaultLimits()
    {
        var rows = Enumerable.Range(0, 1000).Select(r => Enumerable.Range(0, 1000).Select(c => r * 1000.0 + c).ToArray()).ToArray();
        var parameter = Keys.DoubleMatrix("image").Set(new MatrixData<double>(rows));

        var back = CswJson.Deserialize<Parameter>(CswJson.ToUtf8Bytes(parameter));

        Assert.Equal(parameter, back);
    }
}
