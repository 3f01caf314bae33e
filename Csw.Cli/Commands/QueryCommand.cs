using System.CommandLine;
using Csw.Cli.Common;
using Csw.Params;

namespace Csw.Cli.Commands;

/// <summary><c>csw query WFOS.blue.filter &lt;runId&gt;</c>: asks a component where a command stands.</summary>
internal static class QueryCommand
{
    public static System.CommandLine.Command Create()
    {
        var prefix = new Argument<string>("prefix") { Description = "The component that ran the command." };
        var runId = new Argument<string>("runId") { Description = "The command's runId, as submit printed it." };
        var final = new Option<bool>("--final") { Description = "Wait for the final response instead of answering at once." };
        var type = new Option<string?>("--type", "-t") { Description = "hcd or assembly, when both kinds have this prefix." };
        var client = new ClientOptions();
        var command = new System.CommandLine.Command("query", "Prints the current (or, with --final, the final) response of a command; exit code 1 when it failed or is unknown.")
        {
            prefix, runId, final, type,
        };
        client.AddTo(command);
        command.SetAction((parse, cancellationToken) => OneShot.RunAsync(async () =>
        {
            var target = CommandArguments.ParsePrefix(parse.GetValue(prefix)!, null);
            ComponentType? componentType = parse.GetValue(type)?.ToLowerInvariant() switch
            {
                null => null,
                "hcd" => ComponentType.HCD,
                "assembly" => ComponentType.Assembly,
                var other => throw new FormatException($"--type is hcd or assembly, not '{other}'."),
            };
            return await OneShot.WithComponentAsync(await client.OpenAsync(parse, cancellationToken), target, componentType, client.Token(parse), async service =>
            {
                var id = new Id(parse.GetValue(runId)!);
                ISubmitResponse response;
                try
                {
                    response = parse.GetValue(final) ? await service.QueryFinalAsync(id, cancellationToken: cancellationToken) : await service.QueryAsync(id, cancellationToken);
                }
                catch (Crm.UnknownCommandException e)
                {
                    // Not an outcome: the component does not know the runId (never submitted there, or forgotten).
                    Console.WriteLine($"Unknown {id}: {e.Message}");
                    return ExitCodes.Negative;
                }
                Console.WriteLine(Printer.Response(response));
                return Printer.IsNegative(response) ? ExitCodes.Negative : ExitCodes.Ok;
            }, cancellationToken);
        }));
        return command;
    }
}
