using System.Reflection;
using System.Runtime.Loader;

namespace Csw.Framework.Internal;

/// <summary>
/// Loads the plugins a configuration lists under <c>assemblies</c>, each in its own
/// <see cref="PluginLoadContext"/>, and checks at once that every dependency they reference can be
/// loaded: a plugin that cannot work fails the container's start, naming the assembly and the
/// reason, instead of failing at its first command.
/// </summary>
internal static class Plugins
{
    /// <summary>Guards <see cref="Loaded"/>.</summary>
    private static readonly Lock Gate = new();

    /// <summary>Plugins loaded so far, by full path: a plugin listed again (another container in this process) is the same one.</summary>
    private static readonly Dictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);

    /// <summary>The plugin at <paramref name="path"/>, loaded with its dependencies.</summary>
    /// <param name="path">The plugin's .dll.</param>
    /// <param name="jsonPath">Where the configuration names it, for errors.</param>
    /// <exception cref="ContainerConfigException">It or one of its dependencies cannot be loaded.</exception>
    public static Assembly Load(string path, string jsonPath)
    {
        var fullPath = Path.GetFullPath(path);
        lock (Gate)
        {
            if (!Loaded.TryGetValue(fullPath, out var assembly))
            {
                assembly = LoadNew(fullPath, jsonPath);
                Loaded.Add(fullPath, assembly);
            }
            return assembly;
        }
    }

    private static Assembly LoadNew(string path, string jsonPath)
    {
        var file = Path.GetFileName(path);
        AssemblyName name;
        try
        {
            name = AssemblyName.GetAssemblyName(path);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
        {
            throw new ContainerConfigException($"Cannot load the plugin '{path}': {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}.", jsonPath, e);
        }
        if (SharedAssemblies.IsShared(name))
        {
            // The framework's own assemblies are the host's: a second copy would be a second ComponentHandlers.
            return SharedAssemblies.FromHost(name) ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
        PluginLoadContext context;
        try
        {
            context = new PluginLoadContext(path);
        }
        catch (InvalidOperationException e)
        {
            throw new ContainerConfigException($"Cannot read the dependencies of the plugin '{file}' ({Path.ChangeExtension(file, ".deps.json")}): {e.Message}", jsonPath, e);
        }
        Assembly main;
        try
        {
            main = context.LoadMain();
        }
        catch (Exception e) when (e is IOException or BadImageFormatException)
        {
            throw new ContainerConfigException($"Cannot load the plugin '{path}': {e.Message}", jsonPath, e);
        }
        CheckDependencies(context, main, file, jsonPath);
        return main;
    }

    /// <summary>Loads every assembly the plugin's own assemblies reference, breadth first, so that a missing one is reported now.</summary>
    private static void CheckDependencies(PluginLoadContext context, Assembly main, string file, string jsonPath)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { main.GetName().Name! };
        var pending = new Queue<(Assembly Assembly, string Chain)>([(main, main.GetName().Name!)]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var reference in next.Assembly.GetReferencedAssemblies().Where(r => seen.Add(r.Name!)))
            {
                var chain = $"{next.Chain} → {reference.Name}";
                Assembly loaded;
                try
                {
                    loaded = context.LoadFromAssemblyName(reference);
                }
                catch (Exception e) when (e is IOException or BadImageFormatException)
                {
                    throw new ContainerConfigException(CannotLoad(file, reference, chain, context, e), jsonPath, e);
                }
                if (SharedAssemblies.IsShared(reference) && loaded.GetName().Version < reference.Version)
                {
                    throw new ContainerConfigException(
                        $"The plugin '{file}' was built against {reference.Name} {reference.Version}, newer than the host's {loaded.GetName().Version} ({chain}). "
                        + $"The framework's assemblies ({SharedAssemblies.Names}) always come from the host: build the plugin against the host's version.", jsonPath);
                }
                // Only the plugin's own assemblies: the host's were checked when the host was built.
                if (AssemblyLoadContext.GetLoadContext(loaded) == context)
                {
                    pending.Enqueue((loaded, chain));
                }
            }
        }
    }

    private static string CannotLoad(string file, AssemblyName reference, string chain, PluginLoadContext context, Exception e)
    {
        if (e is FileNotFoundException && context.PathOf(reference) is null)
        {
            return $"The plugin '{file}' needs {reference.Name} {reference.Version} ({chain}), which is neither beside it nor in the host. "
                + "Build the plugin with <EnableDynamicLoading>true</EnableDynamicLoading> (or publish it) so that its dependencies are copied beside it, and keep its .deps.json there.";
        }
        return $"The plugin '{file}' needs {reference.Name} {reference.Version} ({chain}), which cannot be loaded: {e.Message}";
    }
}
