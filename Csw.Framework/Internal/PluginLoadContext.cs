using System.Reflection;
using System.Runtime.Loader;

namespace Csw.Framework.Internal;

/// <summary>
/// Where one plugin (a handlers assembly named under a configuration's <c>assemblies</c>) and its
/// own dependencies are loaded: each plugin gets its own, so two plugins may use different
/// versions of a library. Dependencies are found through the plugin's <c>.deps.json</c>
/// (<see cref="AssemblyDependencyResolver"/>). The framework's assemblies are never loaded here
/// but always taken from the host (see <see cref="SharedAssemblies"/>), so that a plugin's
/// handlers class derives from the very <see cref="ComponentHandlers"/> the container uses.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    /// <summary>Maps assembly names to files beside the plugin, as its .deps.json says.</summary>
    private readonly AssemblyDependencyResolver _resolver;

    /// <summary>Creates the context; nothing is loaded yet.</summary>
    /// <param name="mainAssemblyPath">The full path of the plugin's .dll.</param>
    /// <exception cref="InvalidOperationException">The plugin's .deps.json cannot be read.</exception>
    public PluginLoadContext(string mainAssemblyPath)
        : base($"plugin {Path.GetFileName(mainAssemblyPath)}")
    {
        MainAssemblyPath = mainAssemblyPath;
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    /// <summary>The plugin's .dll.</summary>
    public string MainAssemblyPath { get; }

    /// <summary>Loads the plugin's own assembly.</summary>
    public Assembly LoadMain() => LoadFromAssemblyPath(MainAssemblyPath);

    /// <summary>
    /// The file beside the plugin that provides <paramref name="name"/>, or null when its
    /// .deps.json does not list it.
    /// </summary>
    public string? PathOf(AssemblyName name) => _resolver.ResolveAssemblyToPath(name);

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (SharedAssemblies.IsShared(assemblyName) && SharedAssemblies.FromHost(assemblyName) is { } shared)
        {
            return shared;
        }
        // Null lets the default context answer: the runtime's own assemblies, and what the host has.
        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    /// <inheritdoc/>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
