using Csw.Cli.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Cli.Tests.Common;

public sealed class CswConsoleFormatterTests
{
    private static string[] Write(string message, Exception? exception)
    {
        var output = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Error, "Csw.Component.TCS.temp", new EventId(0), message, exception, (state, _) => state);
        new CswConsoleFormatter().Write(entry, null, output);
        return output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    private static Exception Thrown()
    {
        try
        {
            throw new InvalidOperationException("The heater does not answer.", new IOException("/dev/ttyUSB0: no such device"));
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    [Fact]
    public void Write_WithException_MessageOnOneLineThenTheExceptionIndentedOnLinesOfItsOwn()
    {
        var lines = Write("HCD TCS.temp failed to initialize (attempt 1 of 4)", Thrown());
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d\d\d fail: Csw\.Component\.TCS\.temp\[0\] HCD TCS\.temp failed to initialize \(attempt 1 of 4\)$", lines[0]);
        Assert.Equal("      System.InvalidOperationException: The heater does not answer.", lines[1]);
        Assert.Equal("       ---> System.IO.IOException: /dev/ttyUSB0: no such device", lines[2]);
        Assert.Contains(lines, line => line.StartsWith("         at Csw.Cli.Tests.Common.CswConsoleFormatterTests.Thrown()", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), line => Assert.StartsWith("      ", line));
    }

    [Fact]
    public void Write_WithoutException_OneLine() =>
        Assert.Single(Write("Container WfosHcds: all 2 component(s) Running", null));
}
