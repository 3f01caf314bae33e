using System.Text.Json;

namespace Csw.Command.Internal.Http;

/// <summary>CSW's error body, <c>{"_type":"GenericError","errorName":...,"message":...}</c>, both ways.</summary>
internal static class ErrorBody
{
    public const string BadRequest = "BadRequest";
    public const string Unauthorized = "Unauthorized";
    public const string PayloadTooLarge = "PayloadTooLarge";
    public const string NotSupported = "NotSupported";
    public const string Unavailable = "Unavailable";
    public const string InternalError = "InternalError";

    public static void Write(Utf8JsonWriter writer, string errorName, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("_type", "GenericError");
        writer.WriteString("errorName", errorName);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }

    public static byte[] ToUtf8Bytes(string errorName, string message)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, errorName, message);
        }
        return stream.ToArray();
    }

    /// <summary>The error a body describes; a body that is not a GenericError is quoted as it is.</summary>
    public static CommandServiceException Read(ReadOnlySpan<byte> body, string fallbackName)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errorName", out var name) && name.ValueKind == JsonValueKind.String
                && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return new CommandServiceException(name.GetString()!, message.GetString()!);
            }
        }
        catch (JsonException)
        {
            // Not JSON: quote it below.
        }
        var text = System.Text.Encoding.UTF8.GetString(body.Length > 500 ? body[..500] : body);
        return new CommandServiceException(fallbackName, text.Length == 0 ? fallbackName : text);
    }
}
