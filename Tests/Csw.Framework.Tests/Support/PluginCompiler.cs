using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Csw.Framework.Tests.Support;

/// <summary>Compiles a one-file assembly to disk, for plugins that no project could build (wrong versions of the framework).</summary>
internal static class PluginCompiler
{
    /// <summary>Compiles <paramref name="source"/> as <paramref name="name"/> <paramref name="version"/> into <paramref name="folder"/>; returns the .dll's path.</summary>
    public static string Compile(string folder, string name, string version, string source, params string[] references)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.dll");
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]\n{source}")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), .. references.Select(r => MetadataReference.CreateFromFile(r))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        return result.Success ? path : throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}
