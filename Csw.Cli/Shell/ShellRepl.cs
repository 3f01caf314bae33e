using System.Text;
using Csw.Cli.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Csw.Cli.Shell;

/// <summary>
/// The read-eval-print loop: C# submissions (continued over several lines until complete), each
/// run on the state of the ones before; errors are printed and the state kept.
/// </summary>
internal sealed class ShellRepl(ShellSession session, TextReader input, TextWriter output)
{
    private static readonly string[] Imports =
    [
        "System", "System.Linq", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks",
        "Csw.Params", "Csw.Command", "Csw.Location", "Csw.Framework",
    ];

    private readonly ShellGlobals _globals = new(session);

    private readonly List<string> _history = [];

    private ScriptState<object>? _state;

    /// <summary>The options every submission compiles with: CswNet referenced and imported.</summary>
    public static ScriptOptions Options { get; } = ScriptOptions.Default
        .AddReferences(typeof(Params.Prefix).Assembly, typeof(Command.ICommandService).Assembly, typeof(Location.ILocationService).Assembly,
            typeof(Framework.ComponentHandlers).Assembly, typeof(Actors.ActorSystem).Assembly, typeof(ShellGlobals).Assembly, typeof(Examples.SampleSystem).Assembly)
        .AddImports(Imports)
        .WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Runs the loop until the input ends or <c>:quit</c>.</summary>
    public async Task RunAsync()
    {
        var interactive = !Console.IsInputRedirected;
        await output.WriteLineAsync($"csw shell — C# with CswNet; {session.Where}. Try: await Locations(), StartSamples(), var hcd = await Hcd(\"WFOS.blue.filter\"). :help for more.");
        var buffer = new StringBuilder();
        while (true)
        {
            if (interactive)
            {
                await output.WriteAsync(buffer.Length == 0 ? "csw> " : "...> ");
            }
            var line = await input.ReadLineAsync();
            if (line is null)
            {
                break;
            }
            if (buffer.Length == 0 && line.Trim() is [':', ..] command)
            {
                if (!await MetaAsync(command))
                {
                    break;
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
            if (!SyntaxFactory.IsCompleteSubmission(SyntaxFactory.ParseSyntaxTree(code, new CSharpParseOptions(kind: SourceCodeKind.Script))))
            {
                continue;
            }
            buffer.Clear();
            _history.Add(code.TrimEnd());
            await EvaluateAsync(code);
        }
    }

    /// <summary>Runs one submission and prints its value or its error; false when it failed.</summary>
    public async Task<bool> EvaluateAsync(string code)
    {
        session.Rearm();
        try
        {
            _state = _state is null
                ? await CSharpScript.RunAsync(code, Options, _globals, typeof(ShellGlobals), session.Cancellation)
                : await _state.ContinueWithAsync(code, Options, catchException: _ => true, session.Cancellation);
        }
        catch (CompilationErrorException e)
        {
            foreach (var diagnostic in e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                await output.WriteLineAsync($"error: {diagnostic.GetMessage()} (line {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1})");
            }
            return false;
        }
        catch (Exception e) when (_state is null)
        {
            // The first submission failed at run time: there is no state to keep yet.
            await output.WriteLineAsync($"{e.GetType().Name}: {e.Message}");
            return false;
        }
        if (_state.Exception is { } failure)
        {
            await output.WriteLineAsync($"{failure.GetType().Name}: {failure.Message}");
            return false;
        }
        if (_state.ReturnValue is { } value)
        {
            await output.WriteLineAsync(ShellPrinter.Format(value));
        }
        return true;
    }

    private async Task<bool> MetaAsync(string command)
    {
        switch (command)
        {
            case ":quit" or ":q" or ":exit":
                return false;
            case ":history":
                for (var i = 0; i < _history.Count; i++)
                {
                    await output.WriteLineAsync($"{i + 1,4}  {_history[i].Replace("\n", "\n      ", StringComparison.Ordinal)}");
                }
                return true;
            case ":help":
                await output.WriteLineAsync(Help);
                return true;
            default:
                await output.WriteLineAsync($"Unknown command {command}; :help lists them.");
                return true;
        }
    }

    private const string Help = """
        Helpers (all names of Csw.Params, Csw.Command, Csw.Location and Csw.Framework are imported):
          await Locations()                         every registration, as a table
          await StartSamples()                      the sample HCDs and assembly, in this process
          var hcd = await Hcd("WFOS.blue.filter")   a command service (also: await Assembly(prefix))
          await hcd.SubmitAndWaitAsync(Setup("move", Int("target", 3)))
          Setup(name, params...), Observe(...)      commands from CSW.shell (set Source to change it)
          Int, Long, Float, Double, Bool, String    parameters: Int("target", 3)
          await Subscribe(hcd, "position")          CurrentState as it arrives, until Ctrl+C
          await Track("WFOS.blue.filter")           location changes, until Ctrl+C
          LocationService                           the ILocationService itself
        Shell commands: :help  :history  :quit
        A submission continues over several lines until it is complete C#; errors keep the state.
        """;
}
