using System.Diagnostics;
using System.Text;
using Csw.Cli.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Csw.Cli.Shell;

/// <summary><c>csw shell script.csx</c>: runs a script with the console's helpers, then exits.</summary>
internal static class ShellScript
{
    /// <summary>
    /// Runs the file: exit code 0 when it runs to its end, 2 (as a usage error) when it does not
    /// compile or is missing, 1 when it throws or is stopped by Ctrl+C.
    /// </summary>
    public static async Task<int> RunAsync(ShellSession session, FileInfo file)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"No script {file.FullName}.");
            return ExitCodes.Usage;
        }
        var code = await File.ReadAllTextAsync(file.FullName);
        try
        {
            var state = await CSharpScript.RunAsync(code, Options(file), new ShellGlobals(session), typeof(ShellGlobals), session.Cancellation);
            if (state.ReturnValue is { } value)
            {
                session.Output.WriteLine(ShellPrinter.Format(value));
            }
            return ExitCodes.Ok;
        }
        catch (CompilationErrorException e)
        {
            foreach (var diagnostic in e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                await Console.Error.WriteLineAsync(diagnostic.ToString());
            }
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (session.Cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"{file.Name}: stopped by Ctrl+C.");
            return ExitCodes.Negative;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{file.Name}{LineOf(e, file)}: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Negative;
        }
    }

    // With debug information, an exception's stack names the script's lines.
    private static ScriptOptions Options(FileInfo file) =>
        ShellScriptOptions.Options.WithFilePath(file.FullName).WithFileEncoding(Encoding.UTF8).WithEmitDebugInformation(true);

    /// <summary>"(line 3)" for the deepest frame of the script in the exception's stack, or "".</summary>
    private static string LineOf(Exception e, FileInfo file) =>
        new StackTrace(e, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => f.GetFileName() == file.FullName)?.GetFileLineNumber() is > 0 and var line
            ? $"({line})"
            : "";
}
