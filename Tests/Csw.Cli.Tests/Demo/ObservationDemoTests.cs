using Csw.Cli.Demo;
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
        Assert.Contains("wheel at slot 5", text);
        Assert.Contains("Query the move: Completed position(5)", text);
        Assert.Contains("Observer moves the locked wheel: Locked", text);
        Assert.Contains("ParameterValueOutOfRangeIssue", text);
        Assert.Contains("Assembly configures both wheels to slot 2: Completed", text);
    }
}
