using Csw.Cli.Tests.Support;

namespace Csw.Cli.Tests.Shell;

/// <summary><c>csw shell</c> as a process, driven through piped standard input; scripts run with <c>csw shell script.csx</c>.</summary>
public sealed class ShellTests
{
    [Fact]
    public async Task Console_Session_StateKeptAcrossSubmissionsAndErrors()
    {
        const string input = """
            var x = 40;
            x + 2
            int Twice(int n)
            {
                return n * 2;
            }
            Twice(x)
            undefinedThing + 1
            throw new InvalidOperationException("boom");
            x
            :history
            """;
        var (exitCode, output) = await RunShellAsync(input);
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n');
        Assert.Contains("42", lines);
        Assert.Contains("80", lines);
        Assert.Contains(lines, line => line.StartsWith("error: The name 'undefinedThing' does not exist", StringComparison.Ordinal));
        Assert.Contains("InvalidOperationException: boom", lines);
        // x survived both the compile error and the exception.
        Assert.Equal("40", lines[Array.IndexOf(lines, "InvalidOperationException: boom") + 1]);
        Assert.Contains(lines, line => line.Contains("3  int Twice(int n)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Console_StartSamplesThenCommands_ResponsesAndLocationsPrinted()
    {
        const string input = """
            await StartSamples();
            var hcd = await Hcd("WFOS.blue.filter");
            await hcd.SubmitAndWaitAsync(Setup("move", Int("target", 3)))
            await hcd.SubmitAsync(Setup("move", Int("target", 12)))
            var assembly = await Assembly("WFOS.filter.assembly");
            await assembly.SubmitAndWaitAsync(Setup("configure", Int("target", 1)))
            await Locations();
            await Hcd("WFOS.green.filter")
            await Hcd("WFOS.filter.assembly")
            hcd.SubmitAsync(Setup("move", Int("target", 4)))
            hcd
            await (await Hcd("WFOS.red.filter")).QueryAsync(new Id("x"))
            """;
        var (exitCode, output) = await RunShellAsync(input);
        Assert.Equal(0, exitCode);
        Assert.Contains("Started WfosDemo: WFOS.blue.filter (HCD), WFOS.red.filter (HCD), WFOS.filter.assembly (Assembly).", output);
        Assert.Matches("(?m)^Completed [0-9a-f-]{36} result: position=3$", output);
        Assert.Matches("(?m)^Invalid [0-9a-f-]{36}: ParameterValueOutOfRangeIssue: ", output);
        Assert.Matches("(?m)^Completed [0-9a-f-]{36}$", output);
        Assert.Matches("(?m)^WFOS.blue.filter-HCD-pekko +pekko +akka://", output);
        Assert.Matches("(?m)^WFOS.filter.assembly-Assembly-pekko ", output);
        Assert.Contains("InvalidOperationException: No HCD WFOS.green.filter is registered", output);
        Assert.Contains("WFOS.filter.assembly is registered as Assembly, not HCD: try Assembly(\"WFOS.filter.assembly\").", output);
        Assert.Contains("write await before the call", output);
        Assert.Contains("(command service of WFOS.blue.filter-HCD, in this process)", output);
        Assert.Contains("hint: C# scripts read 'await (' as a call", output);
    }

    [Fact]
    public async Task Script_Succeeds_PrintsAndExitsZero()
    {
        var (exitCode, output) = await RunScriptAsync("""
            await StartSamples();
            var hcd = await Hcd("WFOS.red.filter");
            var response = await hcd.SubmitAndWaitAsync(Setup("move", Int("target", 2)));
            Print(response);
            """);
        Assert.True(exitCode == 0, output);
        Assert.Matches("Completed [0-9a-f-]{36} result: position=2", output);
    }

    [Theory]
    [InlineData("var x = ;", 2, "error CS1525")]
    [InlineData("var wheels = 2;\nthrow new InvalidOperationException(\"no wheel\");", 1, "(2): InvalidOperationException: no wheel")]
    public async Task Script_Fails_NonZeroExitWithTheReason(string code, int expectedExit, string message)
    {
        var (exitCode, output) = await RunScriptAsync(code);
        Assert.Equal(expectedExit, exitCode);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task Script_Missing_ExitsTwo()
    {
        var (exitCode, output) = await CswProcess.RunAsync("shell", Path.Combine(Path.GetTempPath(), "no-such-script.csx"));
        Assert.Equal(2, exitCode);
        Assert.Contains("No script ", output);
    }

    [Fact]
    public async Task Console_LocationServerDown_ErrorsPrintedAndTheShellGoesOn()
    {
        var (exitCode, output) = await RunShellAsync("await Locations();\n1 + 1", "--location", "http://127.0.0.1:1");
        Assert.Equal(0, exitCode);
        Assert.Contains("LocationServerException: The location server at http://127.0.0.1:1/ could not be reached", output);
        Assert.Contains("\n2", output);
    }

    [Fact]
    public async Task Shell_CswLocationNotAnAddress_ExitsTwoNamingIt()
    {
        await using var shell = CswProcess.Start(["shell"], new Dictionary<string, string> { ["CSW_LOCATION"] = "nonsense" }, standardInput: "");
        Assert.Equal(2, await shell.WaitForExitAsync());
        Assert.Contains("$CSW_LOCATION is 'nonsense', not an http:// address", shell.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunShellAsync(string input, params string[] options)
    {
        await using var shell = CswProcess.Start(["shell", .. options], standardInput: input + "\n");
        var exitCode = await shell.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (exitCode, shell.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string code)
    {
        var path = Path.Combine(Path.GetTempPath(), $"shell-{Guid.NewGuid():N}.csx");
        await File.WriteAllTextAsync(path, code);
        try
        {
            await using var shell = CswProcess.Start(["shell", path]);
            return (await shell.WaitForExitAsync(TimeSpan.FromSeconds(90)), shell.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
