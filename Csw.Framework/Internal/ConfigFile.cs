namespace Csw.Framework.Internal;

/// <summary>Reads a configuration file: HOCON unless its name ends in <c>.json</c>; errors name the file.</summary>
internal static class ConfigFile
{
    public static bool IsJson(string path) => Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="path"/> with <paramref name="read"/>, given the text, whether it is JSON, and the file's directory.</summary>
    public static async Task<T> LoadAsync<T>(string path, Func<string, bool, string, T> read, CancellationToken cancellationToken)
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
            return read(text, IsJson(path), Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (ContainerConfigException e)
        {
            throw new ContainerConfigException($"{path}: {e.Message}", e.JsonPath, e);
        }
    }
}
