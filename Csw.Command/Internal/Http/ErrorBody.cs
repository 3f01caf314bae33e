using System.Text.Json;

namespace Csw.Command.Internal.Http;

/// <summary>
/// How errors travel, as CSW's msocket layer sends them: a <c>ServiceError</c> body,
/// <c>{"error_name": "...", "error_message": "..."}</c>, with header <c>Error-Type: GenericError</c>.
/// </summary>
internal static class ErrorBody
{
    public const string BadRequest = "BadRequest";
    public const string Unauthorized = "Unauthorized";
    public const string PayloadTooLarge = "PayloadTooLarge";
    public const string NotSupported = "NotSupported";
    public const string Unavailable = "Unavailable";
    public const string InternalError = "InternalError";
    public const string Timeout = "Timeout";
    public const string Forbidden = "Forbidden";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string TooManyWebSockets = "TooManyWebSockets";
    public const string TooManyRequests = "TooManyRequests";
    public const string TooManyStreams = "TooManyStreams";
    public const string TooManySubscribers = "TooManySubscribers";
    public const string TooManyWaiters = "TooManyWaiters";

    /// <summary>msocket's header naming the kind of error body.</summary>
    public const string ErrorTypeHeader = "Error-Type";

    /// <summary>msocket's error type for failures that are not the service's own domain errors.</summary>
    public const string GenericError = "GenericError";

    public static void Write(Utf8JsonWriter writer, string errorName, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("error_name"u8, errorName);
        writer.WriteString("error_message"u8, message);
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

    /// <summary>
    /// The exception a client raises for an error: the one the component raised where .NET callers
    /// know it by type (<see cref="Crm.WaiterLimitException"/> for <see cref="TooManyWaiters"/>), else a
    /// <see cref="CommandServiceException"/> naming it.
    /// </summary>
    public static Exception ToException(CommandServiceException error) =>
        error.ErrorName == TooManyWaiters ? new Crm.WaiterLimitException(error.Message, error) : error;

    /// <summary>The error a body describes; a body that is not a ServiceError is quoted as it is.</summary>
    public static CommandServiceException Read(ReadOnlySpan<byte> body, string fallbackName)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error_name", out var name) && name.ValueKind == JsonValueKind.String
                && root.TryGetProperty("error_message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return new CommandServiceException(name.GetString()!, message.GetString()!);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON (or strings that do not decode): quote it below.
        }
        var text = System.Text.Encoding.UTF8.GetString(body.Length > 500 ? body[..500] : body);
        return new CommandServiceException(fallbackName, text.Length == 0 ? fallbackName : text);
    }
}
