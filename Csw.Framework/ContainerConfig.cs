using Csw.Framework.Internal;

namespace Csw.Framework;

/// <summary>
/// What a container runs: its name and its components, read from JSON laid out as CSW's
/// container configuration (see docs/Deployment.md).
/// </summary>
/// <param name="Name">The container's name; it registers as <c>Container.&lt;name&gt;</c>.</param>
/// <param name="Components">The components, started in this order.</param>
public sealed record ContainerConfig(string Name, IReadOnlyList<ComponentConfig> Components)
{
    /// <summary>Assemblies (paths to .dll files) to load the handlers classes from, beside those already loaded.</summary>
    public IReadOnlyList<string> Assemblies { get; init; } = [];

    /// <summary>Reads a container configuration, or a single component's (standalone mode: a container of one).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="baseDirectory">Where relative assembly paths start; the current directory when null.</param>
    /// <exception cref="ContainerConfigException">The text is not a valid configuration; the message names the field.</exception>
    public static ContainerConfig Parse(string json, string? baseDirectory = null) =>
        ContainerConfigReader.Read(json ?? throw new ArgumentNullException(nameof(json)), baseDirectory ?? Directory.GetCurrentDirectory());

    /// <summary>Reads a configuration file; relative assembly paths start at the file's directory.</summary>
    /// <exception cref="ContainerConfigException">The file is missing or not a valid configuration.</exception>
    public static async Task<ContainerConfig> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContainerConfigException($"Cannot read the configuration '{path}': {e.Message}", "$", e);
        }
        try
        {
            return Parse(text, Path.GetDirectoryName(Path.GetFullPath(path)));
        }
        catch (ContainerConfigException e)
        {
            throw new ContainerConfigException($"{path}: {e.Message}", e.JsonPath, e);
        }
    }
}
