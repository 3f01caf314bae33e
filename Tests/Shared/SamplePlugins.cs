using System.Reflection;

namespace Csw.Tests.Shared;

/// <summary>
/// Where the sample plugins (Tests/Plugins) are: a test project that uses them references them with
/// <c>ReferenceOutputAssembly="false"</c>, so that they are built first, and names their paths in
/// <c>AssemblyMetadata</c> items.
/// </summary>
internal static class SamplePlugins
{
    /// <summary>SamplePlugin.dll: <c>SamplePlugin.GuardedHcd</c>, with Ardalis.GuardClauses 5.</summary>
    public static string Current => PathOf("SamplePlugin");

    /// <summary>SamplePlugin.OlderGuard.dll: the same class, with Ardalis.GuardClauses 4.6.</summary>
    public static string OlderGuard => PathOf("SamplePlugin.OlderGuard");

    /// <summary>The handlers class both plugins define.</summary>
    public const string HandlersClass = "SamplePlugin.GuardedHcd";

    /// <summary>The package neither this test project nor any host references.</summary>
    public const string Dependency = "Ardalis.GuardClauses";

    private static string PathOf(string plugin)
    {
        var path = typeof(SamplePlugins).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == plugin).Value!;
        path = Path.GetFullPath(path.Replace('\\', '/'));
        return File.Exists(path) ? path : throw new FileNotFoundException($"The sample plugin {plugin} is not built at {path}.", path);
    }
}
