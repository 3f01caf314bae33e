using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Csw.Params;
using static Csw.Framework.Internal.ConfigElements;

namespace Csw.Framework.Internal;

/// <summary>
/// Reads container and component configurations strictly: unknown fields, wrong types, missing
/// fields and duplicate prefixes are errors naming the JSON path, so that a typo never silently
/// becomes a default.
/// </summary>
internal static partial class ContainerConfigReader
{
    public static ContainerConfig Read(JsonElement root, string baseDirectory)
    {
        Expect(root, JsonValueKind.Object, "$", "an object");
        // A single component's configuration is standalone mode: a container of one.
        if (root.TryGetProperty("prefix", out _) && !root.TryGetProperty("components", out _))
        {
            var single = ReadComponent(root, "$");
            return new ContainerConfig(single.Prefix.ToString(), [single]);
        }
        Known(root, "$", "name", "components", "assemblies");
        var name = String(root, "$", "name");
        if (!Prefix.TryParse($"Container.{name}", out _))
        {
            throw new ContainerConfigException($"'{name}' cannot name a container: it would not make a valid prefix Container.{name}.", "$.name");
        }
        var components = Required(root, "$", "components");
        Expect(components, JsonValueKind.Array, "$.components", "an array of components");
        var list = components.EnumerateArray().Select((component, i) => ReadComponent(component, $"$.components[{i}]")).ToList();
        if (list.Count == 0)
        {
            throw new ContainerConfigException("A container has at least one component.", "$.components");
        }
        var duplicate = list.GroupBy(component => component.Prefix).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ContainerConfigException($"Two components have the prefix {duplicate.Key}.", $"$.components[{list.FindLastIndex(c => c.Prefix == duplicate.Key)}].prefix");
        }
        var assemblies = root.TryGetProperty("assemblies", out var paths) ? ReadAssemblies(paths, baseDirectory) : [];
        return new ContainerConfig(name, list) { Assemblies = assemblies };
    }

    private static ComponentConfig ReadComponent(JsonElement element, string path)
    {
        Expect(element, JsonValueKind.Object, path, "a component object");
        Known(element, path, "prefix", "componentType", "componentHandlerClassName", "locationServiceUsage", "connections", "initializeTimeout");
        var prefix = ReadPrefix(element, path);
        var type = ReadComponentType(element, path, "componentType");
        if (type is not (ComponentType.HCD or ComponentType.Assembly))
        {
            throw new ContainerConfigException($"A container runs HCDs and Assemblies, not a {type}.", $"{path}.componentType");
        }
        var config = new ComponentConfig(prefix, type, String(element, path, "componentHandlerClassName"));
        if (element.TryGetProperty("locationServiceUsage", out _))
        {
            var usage = String(element, path, "locationServiceUsage");
            config = config with
            {
                LocationServiceUsage = Enum.TryParse<LocationServiceUsage>(usage, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new ContainerConfigException($"'{usage}' is not DoNotRegister, RegisterOnly or RegisterAndTrackServices.", $"{path}.locationServiceUsage"),
            };
        }
        if (element.TryGetProperty("connections", out var connections))
        {
            Expect(connections, JsonValueKind.Array, $"{path}.connections", "an array of connections");
            config = config with { Connections = [.. connections.EnumerateArray().Select((connection, i) => ReadConnection(connection, $"{path}.connections[{i}]"))] };
        }
        if (element.TryGetProperty("initializeTimeout", out var timeout))
        {
            config = config with { InitializeTimeout = ReadDuration(timeout, $"{path}.initializeTimeout") };
        }
        return config;
    }

    private static ComponentId ReadConnection(JsonElement element, string path)
    {
        Expect(element, JsonValueKind.Object, path, "a connection object");
        Known(element, path, "prefix", "componentType", "connectionType");
        if (element.TryGetProperty("connectionType", out _))
        {
            var connectionType = String(element, path, "connectionType");
            if (connectionType.ToLowerInvariant() is not ("pekko" or "akka" or "http"))
            {
                throw new ContainerConfigException($"'{connectionType}' is not a connection a component can be commanded through (pekko or http).", $"{path}.connectionType");
            }
        }
        return new ComponentId(ReadPrefix(element, path), ReadComponentType(element, path, "componentType"));
    }

    private static Prefix ReadPrefix(JsonElement element, string path)
    {
        var text = String(element, path, "prefix");
        try
        {
            return Prefix.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ContainerConfigException($"'{text}' is not a prefix: {e.Message}", $"{path}.prefix", e);
        }
    }

    private static ComponentType ReadComponentType(JsonElement element, string path, string field)
    {
        var text = String(element, path, field);
        return Enum.GetValues<ComponentType>().FirstOrDefault(type => string.Equals(type.ToString(), text, StringComparison.OrdinalIgnoreCase), (ComponentType)(-1)) is var type && Enum.IsDefined(type)
            ? type
            : throw new ContainerConfigException($"'{text}' is not a component type (hcd, assembly, ...).", $"{path}.{field}");
    }

    // A number of seconds, or text such as "10 seconds", "500 millis", "2s", "1.5 min".
    private static TimeSpan ReadDuration(JsonElement element, string path)
    {
        try
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var seconds) && seconds > 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
            var match = element.ValueKind == JsonValueKind.String ? DurationPattern().Match(Text(element, path)) : Match.Empty;
            if (match.Success && double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                var unit = match.Groups["u"].Value.ToLowerInvariant();
                return unit switch
                {
                    "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.FromMilliseconds(amount),
                    "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(amount),
                    _ => TimeSpan.FromSeconds(amount),
                };
            }
        }
        catch (OverflowException)
        {
            // Too long to be a TimeSpan: as wrong as a negative one.
        }
        throw new ContainerConfigException($"'{element}' is not a positive duration (a number of seconds, or text such as \"10 seconds\" or \"500 millis\").", path);
    }

    private static List<string> ReadAssemblies(JsonElement element, string baseDirectory)
    {
        Expect(element, JsonValueKind.Array, "$.assemblies", "an array of paths");
        return [.. element.EnumerateArray().Select((path, i) => path.ValueKind == JsonValueKind.String && Text(path, $"$.assemblies[{i}]") is { Length: > 0 } text
            ? FullPath(text, baseDirectory, $"$.assemblies[{i}]")
            : throw new ContainerConfigException("An assembly is the path of a .dll file.", $"$.assemblies[{i}]"))];
    }

    [GeneratedRegex(@"^\s*(?<n>[0-9]+(\.[0-9]+)?)\s*(?<u>ms|millis?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
