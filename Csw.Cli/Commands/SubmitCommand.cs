using System.CommandLine;
using Csw.Cli.Common;
using Csw.Params;
using Spectre.Console;

namespace Csw.Cli.Commands;

/// <summary><c>csw submit WFOS.blue.filter move target:int=3</c>: submits a command and, by default, waits for its final response.</summary>
internal static class SubmitCommand
{
    public static System.CommandLine.Command Create()
    {
        var arguments = new CommandArguments();
        var noWait = new Option<bool>("--no-wait") { Description = "Print the first response (Started for a long command) and exit without waiting for the final one." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the final response (default 60).", DefaultValueFactory = _ => 60 };
        var command = new System.CommandLine.Command("submit", "Submits a command to a component found through the location server and prints its response; exit code 0 when it completes, 1 when it fails.")
        {
            noWait, timeout,
        };
        arguments.AddTo(command);
        command.SetAction((parse, cancellationToken) => OneShot.RunAsync(async () =>
        {
            var (target, type, control) = arguments.Read(parse);
            return await OneShot.WithComponentAsync(await arguments.OpenAsync(parse, cancellationToken), target, type, arguments.Token(parse), async service =>
            {
                var first = await service.SubmitAsync(control, cancellationToken);
                Console.WriteLine(Printer.Response(first));
                if (first is not Started started || parse.GetValue(noWait))
                {
                    return Printer.IsNegative(first) ? ExitCodes.Negative : ExitCodes.Ok;
                }
                var wait = TimeSpan.FromSeconds(parse.GetValue(timeout));
                var final = await AnsiConsole.Status().StartAsync($"{control.CommandName.Name} running on {target} ...", _ => service.QueryFinalAsync(started.RunId, wait, cancellationToken));
                Console.WriteLine(Printer.Response(final));
                return Printer.IsNegative(final) ? ExitCodes.Negative : ExitCodes.Ok;
            }, cancellationToken);
        }));
        return command;
    }
}
