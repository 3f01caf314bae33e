using System.Reflection;
using System.Runtime.Loader;
using Csw.Params;

namespace Csw.Framework.Internal;

/// <summary>
/// Finds a handlers class by the name a configuration gives: in the plugins first (the
/// configuration's <c>assemblies</c>, in order), then in the host. When it is not there, the error
/// lists the <see cref="ComponentHandlers"/> subclasses that are, nearest first.
/// </summary>
internal static class HandlerClasses
{
    /// <summary>How many classes an error lists at most.</summary>
    private const int Listed = 10;

    /// <summary>
    /// The class <paramref name="className"/> names: <c>Namespace.Class</c>, or
    /// <c>Namespace.Class, AssemblyName</c> to pick one of several plugins defining the same name.
    /// </summary>
    /// <exception cref="ContainerConfigException">No such class, or more than one plugin has it.</exception>
    public static Type Find(string className, IReadOnlyList<Assembly> plugins, string jsonPath)
    {
        var comma = className.IndexOf(',', StringComparison.Ordinal);
        // An assembly-qualified name may go on with Version=...: the simple name is enough.
        var (typeName, assemblyName) = comma < 0 ? (className.Trim(), null) : (className[..comma].Trim(), className[(comma + 1)..].Split(',')[0].Trim());
        var searched = Searched(plugins).Where(a => assemblyName is null || a.GetName().Name!.Equals(assemblyName, StringComparison.OrdinalIgnoreCase));
        var found = plugins.Distinct().Select(p => p.GetType(typeName, throwOnError: false)).OfType<Type>().ToList();
        if (assemblyName is null && found.Count > 1)
        {
            throw new ContainerConfigException(
                $"'{typeName}' is in several plugins: {string.Join(", ", found.Select(t => t.Assembly.GetName().Name))}. "
                + $"Name the one meant as '{typeName}, AssemblyName'.", jsonPath);
        }
        return searched.Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null)
            ?? throw new ContainerConfigException(NotFound(className, Available(plugins)), jsonPath);
    }

    /// <summary>The concrete <see cref="ComponentHandlers"/> subclasses in the plugins and the host, by full name.</summary>
    public static IReadOnlyList<string> Available(IReadOnlyList<Assembly> plugins) =>
        [.. Searched(plugins)
            .Where(ReferencesFramework)
            .SelectMany(Types)
            .Where(t => t.IsSubclassOf(typeof(ComponentHandlers)) && !t.IsAbstract && t.FullName is not null)
            .Select(t => t.FullName!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>Why <paramref name="className"/> is not usable, suggesting the nearest of <paramref name="available"/>.</summary>
    public static string NotFound(string className, IReadOnlyList<string> available)
    {
        var typeName = className.Split(',')[0].Trim();
        var simpleName = SimpleName(typeName);
        // A class named without its namespace, or misspelt in either part.
        var limit = Math.Max(1, simpleName.Length / 3);
        var nearest = available
            .Select(name => (Name: name, Distance: Math.Min(Spelling.Distance(typeName, name), Spelling.Distance(simpleName, SimpleName(name)))))
            .Where(scored => scored.Distance <= limit)
            .OrderBy(scored => scored.Distance)
            .ThenBy(scored => scored.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(scored => scored.Name)
            .ToList();
        var message = $"No class '{className}' in the loaded assemblies.";
        if (nearest.Count > 0)
        {
            message += $" Did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?";
        }
        message += available.Count switch
        {
            0 => " No ComponentHandlers subclass is loaded.",
            <= Listed => $" ComponentHandlers subclasses found: {string.Join(", ", available)}.",
            _ => $" ComponentHandlers subclasses found: {string.Join(", ", available.Take(Listed))} and {available.Count - Listed} more.",
        };
        return message + " Give the full name (Namespace.Class) and list its .dll under \"assemblies\".";
    }

    private static string SimpleName(string fullName) => fullName[(fullName.LastIndexOf('.') + 1)..];

    /// <summary>The plugins, then the host's assemblies.</summary>
    private static IEnumerable<Assembly> Searched(IReadOnlyList<Assembly> plugins) =>
        plugins.Concat(AssemblyLoadContext.Default.Assemblies.Where(a => !a.IsDynamic));

    private static bool ReferencesFramework(Assembly assembly) =>
        assembly == typeof(ComponentHandlers).Assembly
        || assembly.GetReferencedAssemblies().Any(r => r.Name == typeof(ComponentHandlers).Assembly.GetName().Name);

    private static IEnumerable<Type> Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // The types that did load are still worth suggesting.
            return e.Types.OfType<Type>();
        }
    }
}
