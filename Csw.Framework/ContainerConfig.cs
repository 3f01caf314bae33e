using Csw.Framework.Internal;

namespace Csw.Framework;

/// <summary>
/// What a container runs: its name and its components, read from CSW's container configuration,
/// in HOCON (CSW's own <c>.conf</c> files) or JSON (see docs/Deployment.md).
/// </summary>
/// <param name="Name">The container's name; it registers as <c>Container.&lt;name&gt;</c>.</param>
/// <param name="Components">The components, started in this order.</param>
public sealed record ContainerConfig(string Name, IReadOnlyList<ComponentConfig> Components)
{
    /// <summary>Assemblies (paths to .dll files) to load the handlers classes from, beside those already loaded.</summary>
    public IReadOnlyList<string> Assemblies { get; init; } = [];

    /// <summary>Reads a container configuration, or a single component's (standalone mode: a container of one), written in JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="baseDirectory">Where relative assembly paths start; the current directory when null.</param>
    /// <exception cref="ContainerConfigException">The text is not a valid configuration; the message names the field.</exception>
    public static ContainerConfig Parse(string json, string? baseDirectory = null)
    {
        using var document = ConfigDocument.FromJson(json);
        return document.Read(root => ContainerConfigReader.Read(root, baseDirectory ?? Directory.GetCurrentDirectory()));
    }

    /// <summary>
    /// Reads a container or single component's configuration written in HOCON, as CSW's <c>.conf</c>
    /// files are, exactly as strictly as <see cref="Parse"/> reads JSON. Includes and substitutions
    /// (<c>${...}</c>) are not supported.
    /// </summary>
    /// <param name="hocon">The HOCON text.</param>
    /// <param name="baseDirectory">Where relative assembly paths start; the current directory when null.</param>
    /// <exception cref="ContainerConfigException">The text is not a valid configuration; the message starts with the line and column.</exception>
    public static ContainerConfig ParseHocon(string hocon, string? baseDirectory = null)
    {
        using var document = ConfigDocument.FromHocon(hocon);
        return document.Read(root => ContainerConfigReader.Read(root, baseDirectory ?? Directory.GetCurrentDirectory()));
    }

    /// <summary>
    /// Reads a configuration file: JSON when its name ends in <c>.json</c>, otherwise HOCON (which
    /// JSON also is). Relative assembly paths start at the file's directory.
    /// </summary>
    /// <exception cref="ContainerConfigException">The file is missing or not a valid configuration; the message starts with its path.</exception>
    public static Task<ContainerConfig> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        ConfigFile.LoadAsync(path, (text, json, directory) => json ? Parse(text, directory) : ParseHocon(text, directory), cancellationToken);
}
