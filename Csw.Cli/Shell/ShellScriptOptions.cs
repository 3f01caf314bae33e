using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Csw.Cli.Shell;

/// <summary>What every console submission and script compiles with: CswNet referenced and its namespaces imported.</summary>
internal static class ShellScriptOptions
{
    private static readonly string[] Imports =
    [
        "System", "System.Linq", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks",
        "Csw.Params", "Csw.Command", "Csw.Crm", "Csw.Location", "Csw.Framework",
    ];

    public static ScriptOptions Options { get; } = ScriptOptions.Default
        .AddReferences(
            typeof(Params.Prefix).Assembly,
            typeof(Command.ICommandService).Assembly,
            typeof(Crm.UnknownCommandException).Assembly,
            typeof(Location.ILocationService).Assembly,
            typeof(Framework.ComponentHandlers).Assembly,
            typeof(Akka.Actor.ActorSystem).Assembly,
            typeof(ShellGlobals).Assembly,
            typeof(Examples.SampleSystem).Assembly)
        .AddImports(Imports)
        .WithLanguageVersion(LanguageVersion.Latest);
}
