using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Csw.Cli.Shell;

/// <summary>
/// The read-eval-print loop: C# submissions (continued over several lines until complete), each
/// run on the state of the ones before; errors are printed and the state kept.
/// </summary>
internal sealed class ShellRepl
{
    private static readonly CSharpParseOptions ScriptParsing = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private readonly ShellSession _session;

    private readonly IShellInput _input;

    /// <summary>The submissions so far, for <c>:history</c>.</summary>
    private readonly List<string> _submissions = [];

    /// <summary>
    /// The state after the last submission that ran. Started empty at once, so that Roslyn's
    /// slow first compilation happens while the user types the first line.
    /// </summary>
    private Task<ScriptState<object>> _state;

    public ShellRepl(ShellSession session, IShellInput input)
    {
        _session = session;
        _input = input;
        _state = Task.Run(() => CSharpScript.RunAsync("", ShellScriptOptions.Options, new ShellGlobals(session), typeof(ShellGlobals)));
    }

    /// <summary>Runs the loop until the input ends or <c>:quit</c>.</summary>
    public async Task RunAsync()
    {
        var output = _session.Output;
        output.WriteLine($"csw shell — C# with CswNet; {_session.Where}. Try: await Locations(), await StartSamples(), var hcd = await Hcd(\"WFOS.blue.filter\"). :help for more.");
        var buffer = new StringBuilder();
        while (_input.ReadLine(buffer.Length == 0 ? "csw> " : "...> ") is { } line)
        {
            if (buffer.Length == 0 && line.Trim() is [':', ..] command)
            {
                if (!Meta(command))
                {
                    return;
                }
                continue;
            }
            buffer.AppendLine(line);
            var code = buffer.ToString();
            if (string.IsNullOrWhiteSpace(code))
            {
                buffer.Clear();
                continue;
            }
            if (!SyntaxFactory.IsCompleteSubmission(SyntaxFactory.ParseSyntaxTree(code, ScriptParsing)))
            {
                continue;
            }
            buffer.Clear();
            _submissions.Add(code.TrimEnd());
            await EvaluateAsync(code);
        }
    }

    /// <summary>Runs one submission and prints its value or its error; false when it failed.</summary>
    public async Task<bool> EvaluateAsync(string code)
    {
        var output = _session.Output;
        _session.Rearm();
        var cancellation = _session.Cancellation;
        var before = await _state;
        ScriptState<object> after;
        try
        {
            // WaitAsync: Ctrl+C returns to the prompt even when the submission ignores the token.
            after = await before.ContinueWithAsync(code, ShellScriptOptions.Options, catchException: _ => true, cancellation).WaitAsync(cancellation);
        }
        catch (CompilationErrorException e)
        {
            foreach (var diagnostic in e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                output.WriteLine($"error: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} (line {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1})");
            }
            if (e.Diagnostics.Any(d => d.Id == "CS0103" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'await'", StringComparison.Ordinal)))
            {
                // Top-level script code reads "await (" as a call to a method named await (a Roslyn scripting quirk).
                output.WriteLine("hint: C# scripts read 'await (' as a call: assign the inner result first (var a = await Assembly(...); await a.SubmitAsync(...)).");
            }
            return false;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            output.WriteLine("(stopped by Ctrl+C; what this submission defined is forgotten)");
            return false;
        }
        _state = Task.FromResult(after);
        if (after.Exception is { } failure)
        {
            output.WriteLine(failure is OperationCanceledException && cancellation.IsCancellationRequested
                ? "(stopped by Ctrl+C)"
                : $"{failure.GetType().Name}: {failure.Message}");
            return false;
        }
        if (after.ReturnValue is { } value)
        {
            output.WriteLine(_session.Describe(value) ?? ShellPrinter.Format(value));
        }
        return true;
    }

    /// <summary>A shell command (<c>:help</c>, ...); false to leave.</summary>
    private bool Meta(string command)
    {
        var output = _session.Output;
        switch (command)
        {
            case ":quit" or ":q" or ":exit":
                return false;
            case ":history":
                for (var i = 0; i < _submissions.Count; i++)
                {
                    output.WriteLine($"{i + 1,4}  {_submissions[i].Replace("\n", "\n      ", StringComparison.Ordinal)}");
                }
                return true;
            case ":stop":
                _session.Interrupt();
                return true;
            case ":help":
                output.WriteLine(ShellHelp.Text);
                return true;
            default:
                output.WriteLine($"Unknown command {command}; :help lists them.");
                return true;
        }
    }
}
