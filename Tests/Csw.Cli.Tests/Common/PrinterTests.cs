using Csw.Cli.Common;
using Csw.Params;

namespace Csw.Cli.Tests.Common;

public sealed class PrinterTests
{
    private static readonly Id RunId = new("run-1");

    [Fact]
    public void Parameter_UnitsStringsAndSeveralValues_AsTyped()
    {
        Assert.Equal("offsets=1.5,-2 arcsec", Printer.Parameter(Keys.Double("offsets").Set(1.5, -2).WithUnits(Units.Arcsec)));
        Assert.Equal("filter=\"g prime\"", Printer.Parameter(Keys.String("filter").Set("g prime")));
        Assert.Equal("temperature=300 kelvin", Printer.Parameter(Keys.Double("temperature").Set(300).WithUnits(Units.Kelvin)));
    }

    [Fact]
    public void Response_CompletedWithUnits_KeyValueNotTheParametersToString()
    {
        var completed = new Completed(RunId, new Result().Add(Keys.Double("temperature").Set(300).WithUnits(Units.Kelvin)));
        Assert.Equal("Completed run-1 result: temperature=300 kelvin", Printer.Response(completed));
        Assert.Equal("Completed result: temperature=300 kelvin", Printer.Response(completed, runId: false));
    }

    [Fact]
    public void Response_WithoutRunId_KindAndWhatItCarries()
    {
        Assert.Equal("Invalid: MissingKeyIssue: target is missing", Printer.Response(new Invalid(RunId, new CommandIssue(CommandIssueKind.MissingKeyIssue, "target is missing")), runId: false));
        Assert.Equal("Locked", Printer.Response(new Locked(RunId), runId: false));
    }
}
