using System.Text.RegularExpressions;
using Csw.Params.Messages;
using Csw.Params.Tests.Support;

namespace Csw.Params.Tests;

/// <summary>The example quoted in docs/Params.md: it compiles and runs as a test.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public void Example_SetupToJsonAndBack_Works()
    {
        // #region example
        // Keys are typed: the key says what its values are.
        var repeat = Keys.Int("repeat");
        var expTime = Keys.Double("expTime", Units.Second);
        var filter = Keys.Choice("filter", Choices.From("red", "green", "blue"));

        // Commands are immutable; Add returns a new Setup.
        var prefix = Prefix.Parse("WFOS.blue.filter");
        var setup = new Setup(prefix, "move", ObsId.Parse("2020A-001-123"))
            .Add(repeat.Set(22))
            .Add(expTime.Set(1.5), filter.Set("red"));

        int n = setup.Get(repeat).Head;                       // 22, no casts
        bool hasAll = setup.MissingKeys(repeat, expTime).Count == 0;

        // CSW's JSON, exactly: a TMT tool can read this request.
        string json = CswJson.Serialize(new Submit(setup));
        var back = (Submit)CswJson.Deserialize<CommandServiceRequest>(json);

        // Responses: the component answers Started, then Completed with a result.
        ISubmitResponse response = new Completed(new Id(), new Result(Keys.Long("exposures").Set(22)));
        bool done = response.IsFinal && response.IsPositive;
        // #endregion

        Assert.Equal(22, n);
        Assert.True(hasAll);
        Assert.Equal(setup, back.ControlCommand);
        Assert.True(done);
        Assert.StartsWith("""{"_type":"Submit","controlCommand":{"_type":"Setup","source":"WFOS.blue.filter""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_BadInput_NamesThePath()
    {
        // #region errors
        const string json = """
            {"_type": "Setup", "source": "WFOS.blue.filter", "commandName": "move",
             "paramSet": [{"IntKey": {"keyName": "repeat", "values": [1, "two"], "units": "NoUnits"}}]}
            """;
        var e = Assert.Throws<CswJsonException>(() => CswJson.Deserialize<ControlCommand>(json));

        Assert.Equal("$.paramSet[0].IntKey.values[1]", e.Path);
        Assert.Equal("$.paramSet[0].IntKey.values[1]: expected an int (a 32-bit integer), found the string 'two'", e.Message);
        // #endregion
    }

    [Fact]
    public void Docs_ParamsPage_QuotesTheseExamplesVerbatim()
    {
        var root = ContractFiles.RepositoryRoot;
        var source = File.ReadAllText(Path.Combine(root, "Tests", "Csw.Params.Tests", "DocsExampleTests.cs"));
        var doc = File.ReadAllText(Path.Combine(root, "docs", "Params.md"));

        var regions = Regex.Matches(source, @"// #region \w+\n(.*?)\n\s*// #endregion", RegexOptions.Singleline);
        Assert.Equal(2, regions.Count);
        foreach (Match region in regions)
        {
            var lines = region.Groups[1].Value.Split('\n');
            var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
            var quoted = string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
            Assert.Contains(quoted, doc, StringComparison.Ordinal);
        }
    }
}
