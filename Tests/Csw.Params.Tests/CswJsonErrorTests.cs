using System.Text;
using Csw.Params.Messages;

namespace Csw.Params.Tests;

/// <summary>Bad input raises <see cref="CswJsonException"/> naming the JSON path and the problem, and nothing else.</summary>
public sealed class CswJsonErrorTests
{
    private const string Setup = """{"_type":"Setup","source":"WFOS.blue.filter","commandName":"move","maybeObsId":"2020A-001-123","paramSet":[%]}""";

    private static string WithParams(string paramSet) => Setup.Replace("%", paramSet, StringComparison.Ordinal);

    private static CswJsonException Fails<T>(string json, CswJsonOptions? options = null)
        => Assert.Throws<CswJsonException>(() => CswJson.Deserialize<T>(json, options));

    public static TheoryData<string, string, string> BadCommands => new()
    {
        // Malformed and truncated JSON.
        { "", "$", "empty" },
        { "{\"_type\":\"Setup\",", "$", "malformed JSON" },
        { WithParams("").Replace("}", "", StringComparison.Ordinal), "$", "malformed JSON" },
        { WithParams("") + "x", "$", "after the value" },
        { "{\"_type\":\"Setup\" \"source\":1}", "$", "malformed JSON" },
        // Unknown _type, missing _type, wrong shape.
        { """{"_type":"Launch","source":"WFOS.a","commandName":"m","paramSet":[]}""", "$._type", "unknown command type 'Launch'" },
        { """{"source":"WFOS.a","commandName":"m","paramSet":[]}""", "$", "no '_type'" },
        { "[1,2]", "$", "expected a command" },
        { """{"_type":"Setup","source":"WFOS.a","paramSet":[]}""", "$", "no 'commandName'" },
        { """{"_type":"Setup","source":"WFOS.a","commandName":"m","commandName":"n","paramSet":[]}""", "$", "'commandName' appears twice" },
        // Invalid prefix and ObsId.
        { """{"_type":"Setup","source":"XYZ.a","commandName":"m","paramSet":[]}""", "$.source", "unknown subsystem 'XYZ'" },
        { """{"_type":"Setup","source":"WFOS.a-b","commandName":"m","paramSet":[]}""", "$.source", "contains '-'" },
        { """{"_type":"Setup","source":7,"commandName":"m","paramSet":[]}""", "$.source", "expected a prefix" },
        { """{"_type":"Setup","source":"WFOS.a","commandName":"m","maybeObsId":"2020A-001-1234","paramSet":[]}""", "$.maybeObsId", "observation number" },
        // Unknown key type, units, bad key names, parameter shape.
        { WithParams("""{"NumberKey":{"keyName":"a","values":[1],"units":"NoUnits"}}"""), "$.paramSet[0]", "unknown key type 'NumberKey'" },
        { WithParams("""{"IntKey":{"keyName":"a","values":[1],"units":"furlong"}}"""), "$.paramSet[0].IntKey.units", "unknown units 'furlong'" },
        { WithParams("""{"DoubleKey":{"keyName":"t","values":[300],"units":"K"}}"""), "$.paramSet[0].DoubleKey.units", "unknown units 'K'; did you mean kelvin (K)?" },
        { WithParams("""{"IntKey":{"keyName":"a/b","values":[1],"units":"NoUnits"}}"""), "$.paramSet[0].IntKey.keyName", "invalid key name" },
        { WithParams("""{"IntKey":{"keyName":"a","units":"NoUnits"}}"""), "$.paramSet[0].IntKey", "no 'values'" },
        { WithParams("""{"IntKey":{"keyName":"a","values":[1],"units":"NoUnits"},"LongKey":{}}"""), "$.paramSet[0]", "exactly one field" },
        { WithParams("""{}"""), "$.paramSet[0]", "empty object" },
        { WithParams("""{"IntKey":{"keyName":"a","values":[1],"units":"NoUnits"}},{"LongKey":{"keyName":"a","values":[1],"units":"NoUnits"}}"""), "$.paramSet[1]", "appears twice" },
        // Values of the wrong type.
        { WithParams("""{"IntKey":{"keyName":"a","values":[1,2,"x"],"units":"NoUnits"}}"""), "$.paramSet[0].IntKey.values[2]", "expected an int" },
        { WithParams("""{"IntKey":{"keyName":"a","values":[1.5],"units":"NoUnits"}}"""), "$.paramSet[0].IntKey.values[0]", "expected an int" },
        { WithParams("""{"IntKey":{"keyName":"a","values":[3000000000],"units":"NoUnits"}}"""), "$.paramSet[0].IntKey.values[0]", "expected an int" },
        { WithParams("""{"ByteKey":{"keyName":"a","values":[128],"units":"NoUnits"}}"""), "$.paramSet[0].ByteKey.values[0]", "expected a byte" },
        { WithParams("""{"FloatKey":{"keyName":"a","values":[1e39],"units":"NoUnits"}}"""), "$.paramSet[0].FloatKey.values[0]", "expected a float" },
        { WithParams("""{"CharKey":{"keyName":"a","values":["AB"],"units":"NoUnits"}}"""), "$.paramSet[0].CharKey.values[0]", "expected a char" },
        { WithParams("""{"BooleanKey":{"keyName":"a","values":[1],"units":"NoUnits"}}"""), "$.paramSet[0].BooleanKey.values[0]", "expected a boolean" },
        { WithParams("""{"StringKey":{"keyName":"a","values":[null],"units":"NoUnits"}}"""), "$.paramSet[0].StringKey.values[0]", "expected a string" },
        { WithParams("""{"UTCTimeKey":{"keyName":"a","values":["2017-13-01T00:00:00Z"],"units":"utc"}}"""), "$.paramSet[0].UTCTimeKey.values[0]", "expected a UTC time" },
        { WithParams("""{"IntArrayKey":{"keyName":"a","values":[[1],[2,"x"]],"units":"NoUnits"}}"""), "$.paramSet[0].IntArrayKey.values[1][1]", "expected an int" },
        { WithParams("""{"DoubleMatrixKey":{"keyName":"a","values":[[[1],[2,true]]],"units":"NoUnits"}}"""), "$.paramSet[0].DoubleMatrixKey.values[0][1][1]", "expected a double" },
        { WithParams("""{"IntKey":{"keyName":"a","values":7,"units":"NoUnits"}}"""), "$.paramSet[0].IntKey.values", "expected an array" },
        { WithParams("""{"EqCoordKey":{"keyName":"a","values":[{"_type":"AltAzCoord","tag":"BASE","alt":0,"az":0}],"units":"NoUnits"}}"""), "$.paramSet[0].EqCoordKey.values[0]", "expected a EqCoord, found a AltAzCoord" },
        { WithParams("""{"CoordKey":{"keyName":"a","values":[{"_type":"AltAzCoord","tag":"BASE","alt":0}],"units":"NoUnits"}}"""), "$.paramSet[0].CoordKey.values[0]", "no 'az'" },
        { WithParams("""{"CoordKey":{"keyName":"a","values":[{"_type":"AltAzCoord","tag":"BASE","alt":0.5,"az":0}],"units":"NoUnits"}}"""), "$.paramSet[0].CoordKey.values[0].alt", "expected a long" },
        { WithParams("""{"CoordKey":{"keyName":"a","values":[{"_type":"SolarSystemCoord","tag":"BASE","body":"Vulcan"}],"units":"NoUnits"}}"""), "$.paramSet[0].CoordKey.values[0].body", "unknown solar system object 'Vulcan'" },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public void Deserialize_BadCommand_ThrowsCswJsonExceptionWithPathAndProblem(string json, string path, string problem)
    {
        var error = Fails<Command>(json);

        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WaitAsControlCommand_IsRejected()
    {
        var error = Fails<ControlCommand>("""{"_type":"Wait","source":"WFOS.a","commandName":"m","paramSet":[]}""");

        Assert.Equal("$._type", error.Path);
        Assert.Contains("control command", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ObserveAsSetup_IsRejected()
    {
        var error = Fails<Setup>("""{"_type":"Observe","source":"WFOS.a","commandName":"m","paramSet":[]}""");

        Assert.Contains("expected a Setup, found a Observe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_AcceptedAsSubmitResponse_IsRejected()
    {
        var error = Fails<ISubmitResponse>("""{"_type":"Accepted","runId":"r"}""");

        Assert.Equal("$._type", error.Path);
        Assert.Contains("SubmitResponse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownIssueKind_NamesTheIssuePath()
    {
        var error = Fails<CommandResponse>("""{"_type":"Invalid","runId":"r","issue":{"_type":"BadLuckIssue","reason":"x"}}""");

        Assert.Equal("$.issue._type", error.Path);
    }

    [Fact]
    public void Deserialize_ArrayBeyondLimit_IsRejectedBeforeReadingOn()
    {
        var values = string.Join(",", Enumerable.Repeat("1", 101));
        var json = WithParams($$$"""{"IntKey":{"keyName":"a","values":[{{{values}}}],"units":"NoUnits"}}""");

        var error = Fails<Setup>(json, CswJsonOptions.Default.WithMaxElements(100));

        Assert.Equal("$.paramSet[0].IntKey.values[100]", error.Path);
        Assert.Contains("MaxElements", error.Message, StringComparison.Ordinal);
        Assert.NotNull(CswJson.Deserialize<Setup>(json, CswJsonOptions.Default.WithMaxElements(101)));
    }

    [Fact]
    public void Deserialize_MatrixBeyondLimit_CountsEveryElement()
    {
        var row = "[" + string.Join(",", Enumerable.Repeat("1.5", 10)) + "]";
        var json = WithParams($$$"""{"DoubleMatrixKey":{"keyName":"a","values":[[{{{string.Join(",", Enumerable.Repeat(row, 10))}}}]],"units":"NoUnits"}}""");

        var error = Fails<Setup>(json, CswJsonOptions.Default.WithMaxElements(100));

        Assert.StartsWith("$.paramSet[0].DoubleMatrixKey.values[0][", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NestingBeyondMaxDepth_IsRejected()
    {
        var deep = new StringBuilder().Insert(0, "[", 100).Append(new StringBuilder().Insert(0, "]", 100)).ToString();
        var json = WithParams($$$"""{"IntKey":{"keyName":"a","values":[1],"units":"NoUnits","extra":{{{deep}}}}}""");

        var error = Fails<Setup>(json);

        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Deserialize_EveryTruncation_ThrowsOnlyCswJsonException()
    {
        var json = """{"_type":"Completed","runId":"r","result":{"paramSet":[{"CoordKey":{"keyName":"c","values":[{"_type":"EqCoord","tag":"BASE","ra":1,"dec":2,"frame":"ICRS","catalogName":"none","pm":{"pmx":0.5,"pmy":1}}],"units":"NoUnits"}},{"UTCTimeKey":{"keyName":"t","values":["2017-09-04T19:00:00.123456789Z"],"units":"utc"}},{"DoubleMatrixKey":{"keyName":"m","values":[[[1,2],[3,4]]],"units":"NoUnits"}}]}}""";
        Assert.NotNull(CswJson.Deserialize<CommandResponse>(json));

        for (var length = 0; length < json.Length; length++)
        {
            var truncated = json[..length];
            var error = Record.Exception(() => CswJson.Deserialize<CommandResponse>(truncated));
            Assert.True(error is CswJsonException, $"length {length}: {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        }
    }

    [Fact]
    public void Deserialize_InvalidUtf8InString_ThrowsCswJsonException()
    {
        var bytes = Encoding.UTF8.GetBytes(WithParams("""{"StringKey":{"keyName":"a","values":["xx"],"units":"NoUnits"}}"""));
        var at = Array.IndexOf(bytes, (byte)'x');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var error = Assert.Throws<CswJsonException>(() => CswJson.Deserialize<Setup>(bytes));

        Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_QueryFinalWithNegativeTimeout_IsRejected()
    {
        var error = Fails<CommandServiceStreamRequest>("""{"_type":"QueryFinal","runId":"r","timeoutInSeconds":-1}""");

        Assert.Equal("$.timeoutInSeconds", error.Path);
    }

    [Fact]
    public void Serialize_NaN_ThrowsCswJsonExceptionNamingTheKey()
    {
        var setup = new Setup(Prefix.Parse("WFOS.a"), "m").Add(Keys.Double("ratio").Set(double.NaN));

        var error = Assert.Throws<CswJsonException>(() => CswJson.Serialize(setup));

        Assert.Contains("'ratio'", error.Message, StringComparison.Ordinal);
    }
}
