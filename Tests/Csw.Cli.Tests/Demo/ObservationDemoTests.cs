using System.Text.RegularExpressions;
using Csw.Cli.Demo;
using Csw.Cli.Tests.Support;
using Spectre.Console;

namespace Csw.Cli.Tests.Demo;

public sealed class ObservationDemoTests
{
    [Fact]
    public async Task RunAsync_WholeSequence_EachStepHasItsOutcomeAndExitCodeIsZero()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var exitCode = await ObservationDemo.RunAsync(console, timeout.Token);

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("CurrentState WFOS.blue.filter position: position=5, target=5, moving=false", text);
        Assert.Contains("Query the move: Completed result: position=5", text);
        Assert.Contains("Operator locks the blue wheel: LockAcquired", text);
        Assert.Contains("Observer moves the locked wheel: Locked", text);
        Assert.Contains("Move to slot 12 (there are 8): Invalid: ParameterValueOutOfRangeIssue: target must be 0..7, not 12.", text);
        Assert.Contains("Assembly configures both wheels to slot 2: Completed", text);
    }

    [Fact]
    public async Task Demo_OutputRedirected_PlainUnwrappedLinesAndASummaryOfEveryStep()
    {
        await using var demo = CswProcess.Start(["demo"], new Dictionary<string, string> { ["COLUMNS"] = "80", ["NO_COLOR"] = "" });
        Assert.Equal(0, await demo.WaitForExitAsync());
        var lines = demo.Output.Split('\n');

        Assert.DoesNotContain('\u001b', demo.Output);
        // Longer than 80 columns, yet on one line.
        Assert.Contains("Move to slot 12 (there are 8): Invalid: ParameterValueOutOfRangeIssue: target must be 0..7, not 12.", lines);
        var summary = lines.SkipWhile(line => !Regex.IsMatch(line, @"^step\s+outcome\s+ms$")).Skip(1).TakeWhile(line => !line.StartsWith("Done in", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["Assembly ready", "Move blue wheel to slot 5", "Query the move", "Operator locks the blue wheel", "Observer moves the locked wheel", "Operator unlocks it", "Move to slot 12 (there are 8)", "Assembly configures both wheels to slot 2"],
            summary.Select(row => Regex.Split(row, @"\s{2,}")[0]));
        Assert.Contains(summary, row => Regex.IsMatch(row, @"^Operator locks the blue wheel\s+LockAcquired\s+\d+$"));
    }
}
