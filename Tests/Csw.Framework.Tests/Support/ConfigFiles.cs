using System.Text.Json;

namespace Csw.Framework.Tests.Support;

/// <summary>The sample configurations of Examples/Configs, copied beside the tests, and a comparable form of what they read to.</summary>
internal static class ConfigFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Configs");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>The names of the samples matching <paramref name="pattern"/>, e.g. <c>*.conf</c>.</summary>
    public static TheoryData<string> Names(string pattern) => [.. Directory.EnumerateFiles(Folder, pattern).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    public static bool IsHost(string name) => name.Contains("host", StringComparison.Ordinal);

    /// <summary>Every field of a configuration as JSON text: records compare their lists by reference, this by content.</summary>
    public static string Shape(ContainerConfig config) => JsonSerializer.Serialize(new
    {
        config.Name,
        config.Assemblies,
        Components = config.Components.Select(component => new
        {
            Prefix = component.Prefix.ToString(),
            ComponentType = component.ComponentType.ToString(),
            component.HandlerClassName,
            LocationServiceUsage = component.LocationServiceUsage.ToString(),
            Connections = component.Connections.Select(connection => connection.ToString()),
            component.InitializeTimeout,
        }),
    });
}
