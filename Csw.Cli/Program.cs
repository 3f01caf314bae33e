using System.CommandLine;
using Csw.Cli.Commands;
using Csw.Cli.Demo;
using Spectre.Console;

var root = new RootCommand("csw: run and drive CswNet components.");
var demo = new Command("demo", "Runs a short observation sequence on sample components in this process and exits.");
demo.SetAction((_, cancellationToken) => ObservationDemo.RunAsync(AnsiConsole.Console, cancellationToken));
root.Subcommands.Add(demo);
root.Subcommands.Add(ContainerCommand.Create());
root.Subcommands.Add(LocationServerCommand.Create());
root.Subcommands.Add(HostCommand.Create());
root.Subcommands.Add(LocationCommand.Create());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(OnewayCommand.Create());
root.Subcommands.Add(QueryCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
foreach (var admin in AdminCommands.Create())
{
    root.Subcommands.Add(admin);
}
root.Subcommands.Add(Csw.Cli.Shell.ShellCommand.Create());
// Long-running subcommands handle Ctrl+C and SIGTERM themselves (they stop in order), so the
// parser must not cut them short.
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
{
    // Usage mistakes get exit code 2 (ExitCodes.Usage) with the parser's messages, not 1, which means a negative answer.
    await parsed.InvokeAsync();
    return Csw.Cli.Common.ExitCodes.Usage;
}
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
