using System.Text.Json;
using static Csw.Framework.Internal.ConfigElements;

namespace Csw.Framework.Internal;

/// <summary>
/// Reads a host configuration strictly: CSW's fields (<c>configFilePath</c>,
/// <c>configFileLocation</c>) and CswNet's JSON <c>mode</c>; anything else is an error naming
/// the JSON path.
/// </summary>
internal static class HostConfigReader
{
    public static HostConfig Read(JsonElement root, string baseDirectory)
    {
        Expect(root, JsonValueKind.Object, "$", "an object");
        Known(root, "$", "containers");
        var containers = Required(root, "$", "containers");
        Expect(containers, JsonValueKind.Array, "$.containers", "an array of containers");
        var files = containers.EnumerateArray().Select((container, i) => ReadContainer(container, $"$.containers[{i}]", baseDirectory)).ToList();
        return files.Count > 0 ? new HostConfig(files) : throw new ContainerConfigException("A host has at least one container.", "$.containers");
    }

    private static string ReadContainer(JsonElement element, string path, string baseDirectory)
    {
        Expect(element, JsonValueKind.Object, path, "a container object");
        Known(element, path, "configFilePath", "configFileLocation", "mode");
        var file = FullPath(String(element, path, "configFilePath"), baseDirectory, $"{path}.configFilePath");
        if (element.TryGetProperty("configFileLocation", out _))
        {
            var location = String(element, path, "configFileLocation");
            if (location.Equals("Remote", StringComparison.OrdinalIgnoreCase))
            {
                throw new ContainerConfigException("'Remote' files come from CSW's configuration service, which CswNet does not have: copy the file to this machine and say Local.", $"{path}.configFileLocation");
            }
            if (!location.Equals("Local", StringComparison.OrdinalIgnoreCase))
            {
                throw new ContainerConfigException($"'{location}' is not Local (or Remote, which CswNet cannot serve).", $"{path}.configFileLocation");
            }
        }
        if (element.TryGetProperty("mode", out _))
        {
            var mode = String(element, path, "mode");
            if (!mode.Equals("Container", StringComparison.OrdinalIgnoreCase) && !mode.Equals("Standalone", StringComparison.OrdinalIgnoreCase))
            {
                throw new ContainerConfigException($"'{mode}' is not Container or Standalone.", $"{path}.mode");
            }
        }
        return file;
    }
}
