using Csw.Cli.Common;

namespace Csw.Cli.Commands;

/// <summary><c>csw oneway WFOS.blue.filter stop</c>: sends a oneway command and prints whether it was accepted.</summary>
internal static class OnewayCommand
{
    public static System.CommandLine.Command Create()
    {
        var arguments = new CommandArguments();
        var command = new System.CommandLine.Command("oneway", "Sends a oneway command (no completion is reported) and prints whether it was accepted; exit code 1 when it was not.");
        arguments.AddTo(command);
        command.SetAction((parse, cancellationToken) => OneShot.RunAsync(async () =>
        {
            var (target, type, control) = arguments.Read(parse);
            return await OneShot.WithComponentAsync(await arguments.OpenAsync(parse, cancellationToken), target, type, arguments.Token(parse), async service =>
            {
                var response = await service.OnewayAsync(control, cancellationToken);
                Console.WriteLine(Printer.Response(response));
                return Printer.IsNegative(response) ? ExitCodes.Negative : ExitCodes.Ok;
            }, cancellationToken);
        }));
        return command;
    }
}
