using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Csw.Location.Internal.Http;

/// <summary>
/// What the location server and its client agree on beyond the request and model JSON: the paths,
/// and how errors travel. As CSW's msocket: a location service error is 500 with header
/// <c>Error-Type: DomainError</c> and CSW's error JSON; anything else is a <c>ServiceError</c>,
/// <c>{"error_name": "...", "error_message": "..."}</c>, under another error type.
/// </summary>
internal static class WireProtocol
{
    public const string PostPath = "/post-endpoint";
    public const string WebSocketPath = "/websocket-endpoint";

    /// <summary>
    /// CswNet's extension: the connection to track named in the upgrade request (its CSW name), so
    /// that tracking has begun when the handshake completes; CSW's clients send a Track message instead.
    /// </summary>
    public const string TrackQuery = "track";

    public const string ErrorTypeHeader = "Error-Type";
    public const string DomainError = "DomainError";
    public const string GenericError = "GenericError";
    public const string TokenMissingError = "TokenMissingError";
    public const string AuthenticationError = "AuthenticationError";

    /// <summary>The answer to Unregister and UnregisterAll: Pekko's <c>Done</c>, which CSW writes as a JSON string.</summary>
    public static readonly byte[] Done = "\"Done\""u8.ToArray();

    /// <summary>msocket's <c>ServiceError</c> JSON.</summary>
    public static byte[] ServiceError(string name, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error_name"u8, name);
            writer.WriteString("error_message"u8, message);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a <c>ServiceError</c>; false when the input is not one.</summary>
    public static bool TryReadServiceError(ReadOnlySpan<byte> json, out string name, out string message)
    {
        name = message = "";
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error_name", out var n) && n.ValueKind == JsonValueKind.String
                && root.TryGetProperty("error_message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                name = n.GetString()!;
                message = m.GetString()!;
                return true;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not a ServiceError (or its strings do not decode).
        }
        return false;
    }

    /// <summary>Writes a JSON answer.</summary>
    public static Task WriteJsonAsync(HttpContext context, int status, byte[] body, string? errorType = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        if (errorType is not null)
        {
            response.Headers[ErrorTypeHeader] = errorType;
        }
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>Writes a <c>ServiceError</c> answer, e.g. 400 with <c>{"error_name": "BadRequest", ...}</c>.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string name, string message, string errorType = GenericError) =>
        WriteJsonAsync(context, status, ServiceError(name, message), errorType);
}
