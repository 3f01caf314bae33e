using Csw.Cli.Shell;
using Csw.Params;

namespace Csw.Cli.Tests.Shell;

public sealed class ShellPrinterTests
{
    private static readonly Id RunId = new("run-1");

    [Fact]
    public void Format_CompletedWithResult_OneLineWithKeyValues()
    {
        var completed = new Completed(RunId, new Result().Add(Keys.Int("position").Set(3)));
        Assert.Equal("Completed run-1 result: position=3", ShellPrinter.Format(completed));
        Assert.Equal("Completed run-1", ShellPrinter.Format(new Completed(RunId)));
    }

    [Fact]
    public void Format_NegativeResponses_NameWhatWentWrong()
    {
        Assert.Equal("Invalid run-1: WrongParameterTypeIssue: target is missing", ShellPrinter.Format(new Invalid(RunId, new CommandIssue(CommandIssueKind.WrongParameterTypeIssue, "target is missing"))));
        Assert.Equal("Error run-1: the wheel jammed", ShellPrinter.Format(new Error(RunId, "the wheel jammed")));
        Assert.Equal("Started run-1", ShellPrinter.Format(new Started(RunId)));
    }

    [Fact]
    public void Format_CurrentState_PublisherNameAndParameters()
    {
        var state = new CurrentState(Prefix.Parse("WFOS.blue.filter"), new StateName("position"))
            .Add(Keys.Int("position").Set(2), Keys.Boolean("moving").Set(false));
        Assert.Equal("CurrentState WFOS.blue.filter position: position=2, moving=false", ShellPrinter.Format(state));
    }

    [Fact]
    public void Format_Command_KindNameSourceAndParameters()
    {
        var setup = new Setup(Prefix.Parse("CSW.shell"), "move").Add(Keys.Int("target").Set(3));
        Assert.Equal("Setup move from CSW.shell target=3", ShellPrinter.Format(setup));
    }

    [Fact]
    public void Format_TaskNotAwaited_SaysToAwaitIt()
    {
        Assert.Contains("write await before the call", ShellPrinter.Format(Task.FromResult(1)), StringComparison.Ordinal);
        Assert.Contains("failed: no wheel", ShellPrinter.Format(Task.FromException(new InvalidOperationException("no wheel"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ListAndNull_OnePerLine()
    {
        Assert.Equal($"1{Environment.NewLine}2", ShellPrinter.Format(new[] { 1, 2 }));
        Assert.Equal("null", ShellPrinter.Format(null));
        Assert.Equal("1.5", ShellPrinter.Format(1.5));
    }

    [Fact]
    public void ComponentType_UnknownName_ListsTheKnownOnes()
    {
        Assert.Equal(ComponentType.Assembly, ShellParsing.ComponentType("assembly"));
        var error = Assert.Throws<ArgumentException>(() => ShellParsing.ComponentType("wheel"));
        Assert.Contains("HCD, Assembly", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ShellParsing.ConnectionType("carrier-pigeon"));
    }
}
