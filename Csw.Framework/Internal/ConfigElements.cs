using System.Text.Json;

namespace Csw.Framework.Internal;

/// <summary>
/// Strict access to the fields of a configuration's JSON (written as JSON or HOCON): a missing
/// field, a wrong type or an unknown field is a <see cref="ContainerConfigException"/> naming
/// the JSON path.
/// </summary>
internal static class ConfigElements
{
    public static string String(JsonElement element, string path, string field)
    {
        var value = Required(element, path, field);
        return value.ValueKind == JsonValueKind.String && Text(value, $"{path}.{field}") is { Length: > 0 } text
            ? text
            : throw new ContainerConfigException($"'{field}' is a non-empty string.", $"{path}.{field}");
    }

    /// <summary>A string's value; escapes that make no text (an unpaired \uD800) are an error, not an <see cref="InvalidOperationException"/>.</summary>
    public static string Text(JsonElement element, string path)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new ContainerConfigException($"The string is not text: {e.Message}", path, e);
        }
    }

    public static JsonElement Required(JsonElement element, string path, string field) =>
        element.TryGetProperty(field, out var value) ? value : throw new ContainerConfigException($"'{field}' is missing.", $"{path}.{field}");

    public static void Expect(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new ContainerConfigException($"Expected {what}, found {element.ValueKind}.", path);
        }
    }

    public static void Known(JsonElement element, string path, params string[] fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException e)
            {
                throw new ContainerConfigException($"A field's name is not text: {e.Message}", path, e);
            }
            if (!fields.Contains(name))
            {
                throw new ContainerConfigException($"Unknown field '{name}'; known fields are {string.Join(", ", fields)}.", $"{path}.{name}");
            }
        }
    }

    /// <summary><paramref name="path"/> made absolute from <paramref name="baseDirectory"/>; a path the system cannot hold (a NUL in it) is an error.</summary>
    public static string FullPath(string path, string baseDirectory, string jsonPath)
    {
        try
        {
            return Path.GetFullPath(path, baseDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ContainerConfigException($"'{path}' is not a file path: {e.Message}", jsonPath, e);
        }
    }
}
