using Csw.Framework.Internal;

namespace Csw.Framework;

/// <summary>
/// What a host runs: the container configurations that <c>csw host</c> starts, one process
/// each, read from CSW's host configuration
/// (<c>containers = [{ configFilePath = "hcds.conf", configFileLocation = Local }]</c>) or its
/// JSON form (<c>{"containers": [{"mode": "Container", "configFilePath": "hcds.json"}]}</c>).
/// </summary>
/// <param name="ContainerConfigFiles">The full paths of the container (or standalone) configuration files, in order.</param>
public sealed record HostConfig(IReadOnlyList<string> ContainerConfigFiles)
{
    /// <summary>Reads a host configuration written in JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="baseDirectory">Where relative configuration paths start; the current directory when null.</param>
    /// <exception cref="ContainerConfigException">The text is not a valid host configuration; the message names the field.</exception>
    public static HostConfig Parse(string json, string? baseDirectory = null)
    {
        using var document = ConfigDocument.FromJson(json);
        return document.Read(root => HostConfigReader.Read(root, baseDirectory ?? Directory.GetCurrentDirectory()));
    }

    /// <summary>Reads a host configuration written in HOCON, as CSW's are. Only <c>Local</c> files can be served: <c>Remote</c> ones (CSW's configuration service) are an error.</summary>
    /// <param name="hocon">The HOCON text.</param>
    /// <param name="baseDirectory">Where relative configuration paths start; the current directory when null.</param>
    /// <exception cref="ContainerConfigException">The text is not a valid host configuration; the message starts with the line and column.</exception>
    public static HostConfig ParseHocon(string hocon, string? baseDirectory = null)
    {
        using var document = ConfigDocument.FromHocon(hocon);
        return document.Read(root => HostConfigReader.Read(root, baseDirectory ?? Directory.GetCurrentDirectory()));
    }

    /// <summary>Reads a host configuration file: JSON when its name ends in <c>.json</c>, otherwise HOCON. Relative paths start at the file's directory.</summary>
    /// <exception cref="ContainerConfigException">The file is missing or not a valid host configuration; the message starts with its path.</exception>
    public static Task<HostConfig> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        ConfigFile.LoadAsync(path, (text, json, directory) => json ? Parse(text, directory) : ParseHocon(text, directory), cancellationToken);
}
