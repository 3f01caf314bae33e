using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Csw.Framework.Internal;

/// <summary>Finds the <see cref="ComponentHandlers"/> class a configuration names and makes a factory for it.</summary>
internal static class HandlerFactories
{
    /// <summary>
    /// Loads the configuration's assemblies as plugins, each with its own dependencies, then resolves
    /// every component's handlers class.
    /// </summary>
    /// <exception cref="ContainerConfigException">A plugin or one of its dependencies cannot be loaded, or a class is missing or unusable.</exception>
    public static IReadOnlyList<Func<CswContext, ComponentHandlers>> Resolve(ContainerConfig config)
    {
        var plugins = config.Assemblies.Select((path, i) => Plugins.Load(path, $"$.assemblies[{i}]")).ToList();
        LoadReferencedAssemblies();
        return [.. config.Components.Select((component, i) => FactoryFor(component.HandlerClassName, plugins, $"$.components[{i}].componentHandlerClassName"))];
    }

    private static Func<CswContext, ComponentHandlers> FactoryFor(string className, IReadOnlyList<Assembly> plugins, string path)
    {
        var type = HandlerClasses.Find(className, plugins, path);
        if (!type.IsSubclassOf(typeof(ComponentHandlers)) || type.IsAbstract)
        {
            throw new ContainerConfigException($"'{className}' is not a concrete subclass of ComponentHandlers.", path);
        }
        if (!type.GetConstructors().Any(TakesOneContext))
        {
            throw new ContainerConfigException($"'{className}' has no public constructor taking a CswContext (alone, or beside services of the host).", path);
        }
        var plain = type.GetConstructor([typeof(CswContext)]);
        return context =>
        {
            try
            {
                return CswExtension.For(context.System).Services is { } services
                    ? (ComponentHandlers)ActivatorUtilities.CreateInstance(services, type, context)
                    : plain is not null
                        ? (ComponentHandlers)plain.Invoke([context])
                        : throw new InvalidOperationException($"{type.Name}'s constructors take services beside the CswContext, and actor system {context.System.Name} has no host's services: run the container on the Generic Host (services.AddCswContainer), or give {type.Name} a constructor taking only a CswContext.");
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                // The handlers' own failure, as if their constructor had been called directly.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        };
    }

    private static bool TakesOneContext(ConstructorInfo constructor) =>
        constructor.GetParameters().Count(parameter => parameter.ParameterType == typeof(CswContext)) == 1;

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
