using System.CommandLine;
using Csw.Cli.Common;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Csw.Cli.Shell;

/// <summary><c>csw shell [script.csx]</c>: the C# console, or a script run to its end.</summary>
internal static class ShellCommand
{
    public static System.CommandLine.Command Create()
    {
        var script = new Argument<FileInfo?>("script") { Description = "A C# script (.csx) to run instead of the console; exit code 0 when it succeeds.", Arity = ArgumentArity.ZeroOrOne };
        var location = CliOptions.Location();
        location.Description = "Use this location server (default: $CSW_LOCATION; without either, an embedded location service for components started in the shell).";
        var token = CliOptions.Token();
        var command = new System.CommandLine.Command("shell", "A C# console with CswNet imported and helpers to find components, send commands and watch state (docs/Shell.md).")
        {
            script, location, token,
        };
        command.SetAction(async (parse, _) =>
        {
            var server = parse.GetValue(location) ?? (Environment.GetEnvironmentVariable(CliOptions.LocationVariable) is { Length: > 0 } text ? new Uri(text) : null);
            await using var session = new ShellSession(server, CliOptions.TokenOrDefault(parse.GetValue(token)));
            // Ctrl+C stops the running submission, not the shell.
            ConsoleCancelEventHandler interrupt = (_, e) =>
            {
                e.Cancel = true;
                session.Interrupt();
            };
            Console.CancelKeyPress += interrupt;
            try
            {
                return parse.GetValue(script) is { } file
                    ? await RunScriptAsync(session, file)
                    : await RunConsoleAsync(session);
            }
            finally
            {
                Console.CancelKeyPress -= interrupt;
            }
        });
        return command;
    }

    private static async Task<int> RunConsoleAsync(ShellSession session)
    {
        await new ShellRepl(session, Console.In, Console.Out).RunAsync();
        return ExitCodes.Ok;
    }

    private static async Task<int> RunScriptAsync(ShellSession session, FileInfo file)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"No script {file.FullName}.");
            return ExitCodes.Usage;
        }
        var code = await File.ReadAllTextAsync(file.FullName);
        try
        {
            var state = await CSharpScript.RunAsync(code, ShellRepl.Options.WithFilePath(file.FullName), new ShellGlobals(session), typeof(ShellGlobals));
            if (state.ReturnValue is { } value)
            {
                Console.WriteLine(ShellPrinter.Format(value));
            }
            return ExitCodes.Ok;
        }
        catch (CompilationErrorException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                await Console.Error.WriteLineAsync(diagnostic.ToString());
            }
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{file.Name}: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Negative;
        }
    }
}
