using System.Text.Json;
using Csw.Framework.Internal.Hocon;

namespace Csw.Framework.Internal;

/// <summary>
/// A configuration's text as JSON, whichever of JSON or HOCON it was written in, so that one
/// strict reader validates both. Errors in HOCON start with the line and column they are at.
/// </summary>
internal sealed class ConfigDocument : IDisposable
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly JsonDocument _json;

    /// <summary>The tree the JSON was written from, when the text was HOCON: it knows where each value is.</summary>
    private readonly HoconValue? _hocon;

    private ConfigDocument(JsonDocument json, HoconValue? hocon) => (_json, _hocon) = (json, hocon);

    public static ConfigDocument FromJson(string json)
    {
        try
        {
            return new ConfigDocument(JsonDocument.Parse(json ?? throw new ArgumentNullException(nameof(json)), Lenient), null);
        }
        catch (JsonException e)
        {
            throw new ContainerConfigException($"The configuration is not valid JSON: {e.Message}", "$", e);
        }
    }

    public static ConfigDocument FromHocon(string hocon)
    {
        HoconValue root;
        try
        {
            root = HoconParser.Parse(hocon ?? throw new ArgumentNullException(nameof(hocon)));
        }
        catch (HoconException e)
        {
            throw new ContainerConfigException(e.Message, "$", e);
        }
        return new ConfigDocument(JsonDocument.Parse(HoconJson.Write(root)), root);
    }

    /// <summary>Validates the document with <paramref name="read"/>; for HOCON, its errors say where the offending value is.</summary>
    public T Read<T>(Func<JsonElement, T> read)
    {
        try
        {
            return read(_json.RootElement);
        }
        catch (ContainerConfigException e) when (_hocon is not null)
        {
            throw new ContainerConfigException($"{HoconJson.Locate(_hocon, e.JsonPath)}: {e.Message}", e.JsonPath, e.InnerException);
        }
    }

    public void Dispose() => _json.Dispose();
}
