namespace Csw.Cli.Tests.Shell;

/// <summary><c>csw shell</c> as a process typed at line by line: background watches and Ctrl+C (SIGINT).</summary>
public sealed class ShellInteractiveTests
{
    [Fact]
    public async Task Console_WatchesThenCtrlC_PrintInBackgroundStopAndKeepTheShell()
    {
        await using var shell = ShellProcess.Start();
        await shell.WriteLineAsync("await StartSamples();");
        await shell.WaitForTextAsync("Started WfosDemo");
        await shell.WriteLineAsync("var hcd = await Hcd(\"WFOS.blue.filter\"); var x = 41;");
        await shell.WriteLineAsync("var w = Subscribe(hcd, \"position\"); w");
        await shell.WaitForTextAsync("(watching CurrentState position: Ctrl+C or .Dispose() stops it)");
        await shell.WriteLineAsync("await hcd.SubmitAndWaitAsync(Setup(\"move\", Int(\"target\", 2)))");
        await shell.WaitForAsync(line => line.StartsWith("Completed ", StringComparison.Ordinal) && line.EndsWith(" result: position=2", StringComparison.Ordinal), "the move's completion");
        await shell.WaitForLineAsync("CurrentState WFOS.blue.filter position: position=2, target=2, moving=false");
        await shell.WriteLineAsync("var t = Track(\"WFOS.red.filter\");");
        await shell.WaitForTextAsync("updated  WFOS.red.filter-HCD-pekko  akka://");

        // Ctrl+C stops both watches; the shell stays.
        await shell.InterruptAsync();
        await shell.WaitForLineAsync("(stopped watching CurrentState position)");
        await shell.WaitForLineAsync("(stopped watching locations of WFOS.red.filter)");
        // Only the watches: the components still run (Akka's own Ctrl+C hook once shut them down).
        await shell.WriteLineAsync("await hcd.QueryAsync(new Id(\"nothing\"))");
        await shell.WaitForTextAsync("UnknownCommandException: No command with runId nothing is known");

        // Ctrl+C also ends a submission that does not listen for it, and the state before it stays.
        await shell.WriteLineAsync("Print(\"waiting\"); await Task.Delay(-1);");
        await shell.WaitForLineAsync("waiting");
        await shell.InterruptAsync();
        await shell.WaitForTextAsync("(stopped by Ctrl+C");
        await shell.WriteLineAsync("x + 1");
        await shell.WaitForLineAsync("42");
        await shell.WriteLineAsync("w.Received > 0 && !w.IsRunning && !t.IsRunning");
        await shell.WaitForLineAsync("True");

        Assert.Equal(0, await shell.EndAsync());
    }
}
