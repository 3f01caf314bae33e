using System.Reflection;
using System.Runtime.Loader;

namespace Csw.Framework.Internal;

/// <summary>
/// The assemblies a plugin shares with the host instead of loading its own copy: the framework's
/// (<c>Csw.*</c>), the actor runtime's (<c>Akka</c>, <c>Akka.*</c>) and the hosting, logging and
/// configuration abstractions (<c>Microsoft.Extensions.*</c>). Types of these cross between the
/// container and the plugin (<see cref="ComponentHandlers"/>, <see cref="CswContext"/>, loggers,
/// actor references), and a type loaded twice is two types: a plugin's handlers would not be
/// <see cref="ComponentHandlers"/> to the container.
/// </summary>
internal static class SharedAssemblies
{
    /// <summary>The shared names, as messages write them.</summary>
    public const string Names = "Csw.*, Akka*, Microsoft.Extensions.*";

    /// <summary>Whether a plugin takes <paramref name="name"/> from the host.</summary>
    public static bool IsShared(AssemblyName name) => name.Name is { } simple && (
        simple.StartsWith("Csw.", StringComparison.OrdinalIgnoreCase)
        || simple.Equals("Akka", StringComparison.OrdinalIgnoreCase)
        || simple.StartsWith("Akka.", StringComparison.OrdinalIgnoreCase)
        || simple.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The host's copy of <paramref name="name"/>, whatever its version, or null when the host has
    /// none (then the plugin uses its own).
    /// </summary>
    public static Assembly? FromHost(AssemblyName name)
    {
        try
        {
            // By simple name alone: the host's version is the one every plugin gets.
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name.Name!));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
