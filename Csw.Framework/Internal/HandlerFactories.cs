using System.Reflection;
using System.Runtime.Loader;

namespace Csw.Framework.Internal;

/// <summary>Finds the <see cref="ComponentHandlers"/> class a configuration names and makes a factory for it.</summary>
internal static class HandlerFactories
{
    /// <summary>Loads the configuration's assemblies, then resolves every component's handlers class.</summary>
    /// <exception cref="ContainerConfigException">An assembly cannot be loaded, or a class is missing or unusable.</exception>
    public static IReadOnlyList<Func<CswContext, ComponentHandlers>> Resolve(ContainerConfig config)
    {
        foreach (var (path, i) in config.Assemblies.Select((path, i) => (path, i)))
        {
            try
            {
                AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or FileLoadException)
            {
                throw new ContainerConfigException($"Cannot load the assembly '{path}': {e.Message}", $"$.assemblies[{i}]", e);
            }
        }
        LoadReferencedAssemblies();
        return [.. config.Components.Select((component, i) => FactoryFor(component.HandlerClassName, $"$.components[{i}].componentHandlerClassName"))];
    }

    private static Func<CswContext, ComponentHandlers> FactoryFor(string className, string path)
    {
        var type = Type.GetType(className, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(className, throwOnError: false)).FirstOrDefault(found => found is not null)
            ?? throw new ContainerConfigException($"No class '{className}' in the loaded assemblies; give its full name (Namespace.Class) and list its .dll under \"assemblies\".", path);
        if (!type.IsSubclassOf(typeof(ComponentHandlers)) || type.IsAbstract)
        {
            throw new ContainerConfigException($"'{className}' is not a concrete subclass of ComponentHandlers.", path);
        }
        var constructor = type.GetConstructor([typeof(CswContext)])
            ?? throw new ContainerConfigException($"'{className}' has no public constructor taking a CswContext.", path);
        return context =>
        {
            try
            {
                return (ComponentHandlers)constructor.Invoke([context]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                // The handlers' own failure, as if their constructor had been called directly.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        };
    }

    // Assemblies the program references are loaded lazily; a class named only in configuration may be in one not yet loaded.
    private static void LoadReferencedAssemblies()
    {
        if (Assembly.GetEntryAssembly() is not { } entry)
        {
            return;
        }
        foreach (var reference in entry.GetReferencedAssemblies())
        {
            try
            {
                Assembly.Load(reference);
            }
            catch (Exception e) when (e is IOException or BadImageFormatException)
            {
                // Not needed for handlers if it cannot be loaded; a missing class is reported by name.
            }
        }
    }
}
