using System.Text.Json;
using Csw.Params;
using Csw.Params.Messages;

namespace Csw.Command.Internal.Http;

/// <summary>What an envelope of the session protocol carries.</summary>
internal enum EnvelopeKind : byte
{
    /// <summary>Client to server: a CSW <see cref="CommandServiceRequest"/> (Validate, Submit, Oneway, Query).</summary>
    Request,

    /// <summary>Client to server: a CSW <see cref="CommandServiceStreamRequest"/> (QueryFinal, SubscribeCurrentState).</summary>
    Stream,

    /// <summary>Client to server: end the stream with this id.</summary>
    Cancel,

    /// <summary>Server to client: the CSW response to a request or a QueryFinal.</summary>
    Response,

    /// <summary>Server to client: one CurrentState of a subscription.</summary>
    State,

    /// <summary>Server to client: the subscription is in place; states published from now on will arrive.</summary>
    Subscribed,

    /// <summary>Server to client: the request failed; msocket's ServiceError body.</summary>
    Error,

    /// <summary>Server to client: the stream with this id has ended.</summary>
    End,
}

/// <summary>
/// One envelope found in a frame: its id, kind, and where its payload lies in the frame; or, with a
/// <see cref="Problem"/>, an envelope with an id that is not one of this protocol's (answered with an error for that id).
/// </summary>
internal readonly record struct Envelope(long Id, EnvelopeKind Kind, int Start, int Length, string? Problem = null, string? RequestId = null)
{
    /// <summary>The caller's W3C trace context, when the envelope carried one.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>One envelope to send; a client's Submit or Oneway carries its <paramref name="RequestId"/>.</summary>
internal readonly record struct Outgoing(long Id, EnvelopeKind Kind, object? Payload, string? RequestId = null)
{
    /// <summary>The caller's W3C trace context, sent with a request; none when null.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>The payload of an <see cref="EnvelopeKind.Error"/> envelope.</summary>
internal sealed record ErrorPayload(string ErrorName, string Message);

/// <summary>
/// The session protocol's frames: each WebSocket text message is one envelope
/// <c>{"id":7,"request":{...CSW JSON...}}</c> or a JSON array of them, so that a busy sender
/// writes many envelopes in one message. Payloads are CSW's JSON unchanged. A Submit or Oneway
/// envelope may carry the client's request id, <c>{"id":8,"requestId":"...","request":{...}}</c>,
/// the same in each retry: the component runs the command once and answers repeats with the
/// original answer.
/// A request may also carry the caller's W3C trace context, <c>{"id":7,"traceparent":"00-...-01","request":{...}}</c>.
/// </summary>
internal static class SessionFrames
{
    private static readonly string[] Names = ["request", "stream", "cancel", "response", "state", "subscribed", "error", "end"];

    private static readonly byte[][] NameBytes = [.. Names.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>The longest request id taken, in characters.</summary>
    public const int MaxRequestIdLength = 200;

    /// <summary>The envelopes of a frame, in order, appended to <paramref name="into"/>.</summary>
    /// <exception cref="FormatException">The frame is not valid JSON or not a frame of this protocol.</exception>
    public static void Parse(ReadOnlySpan<byte> frame, List<Envelope> into)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read())
            {
                throw new FormatException("The frame is empty.");
            }
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    into.Add(ParseEnvelope(ref reader));
                }
            }
            else
            {
                into.Add(ParseEnvelope(ref reader));
            }
            if (reader.Read())
            {
                throw new FormatException($"Unexpected {reader.TokenType} after the frame's value.");
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"The frame is not valid JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"The frame is not valid JSON: {e.Message}", e);
        }
    }

    public static void Write(Utf8JsonWriter writer, in Outgoing item)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", item.Id);
        if (item.TraceParent is { } traceParent)
        {
            writer.WriteString("traceparent"u8, traceParent);
        }
        if (item.RequestId is { } requestId)
        {
            writer.WriteString("requestId", requestId);
        }
        writer.WritePropertyName(Names[(int)item.Kind]);
        switch (item.Payload)
        {
            case CommandServiceRequest request:
                CswJson.Serialize(writer, request);
                break;
            case CommandServiceStreamRequest request:
                CswJson.Serialize(writer, request);
                break;
            case ICommandResponse response:
                CswJson.Serialize(writer, response);
                break;
            case CurrentState state:
                CswJson.Serialize(writer, state);
                break;
            case ErrorPayload error:
                ErrorBody.Write(writer, error.ErrorName, error.Message);
                break;
            case byte[] json:
                writer.WriteRawValue(json);
                break;
            default:
                writer.WriteBooleanValue(true);
                break;
        }
        writer.WriteEndObject();
    }

    // A frame that is not JSON, or an envelope without an id, ends the session (there is nobody to
    // answer); any other mistake in an envelope is that envelope's problem, answered for its id.
    private static Envelope ParseEnvelope(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException($"An envelope is a JSON object, not {reader.TokenType}.");
        }
        long? id = null;
        string? requestId = null;
        EnvelopeKind? kind = null;
        string? problem = null;
        string? traceParent = null;
        int start = 0, length = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (NameIs(ref reader, "id"u8))
            {
                reader.Read();
                id = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
                    ? value
                    : throw new FormatException("An envelope's id is an integer.");
                continue;
            }
            if (NameIs(ref reader, "traceparent"u8))
            {
                reader.Read();
                // Only a trace context that parses is kept: anything else is ignored, never an error.
                traceParent = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 128 ? reader.GetString() : null;
                reader.Skip();
                continue;
            }
            if (NameIs(ref reader, "requestId"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 and <= MaxRequestIdLength } text)
                {
                    requestId = text;
                }
                else
                {
                    problem ??= $"An envelope's requestId is a string of 1 to {MaxRequestIdLength} characters.";
                    reader.Skip();
                }
                continue;
            }
            var found = KindOf(ref reader);
            if (found is null)
            {
                // The name as sent, escapes and all: unescaping it could fail (a lone surrogate).
                problem ??= $"Unknown envelope field '{System.Text.Encoding.UTF8.GetString(reader.ValueSpan)}': an envelope carries one of {string.Join(", ", Names)}.";
            }
            else if (kind is not null)
            {
                problem ??= $"An envelope carries one payload, not both '{Names[(int)kind]}' and '{Names[(int)found]}'.";
            }
            else
            {
                kind = found;
            }
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            reader.Skip();
            if (found is not null && kind == found && problem is null)
            {
                start = valueStart;
                length = (int)reader.BytesConsumed - start;
            }
        }
        if (id is null)
        {
            throw new FormatException(problem is null ? "An envelope has no id." : $"An envelope has no id. {problem}");
        }
        if (problem is null && kind is null)
        {
            problem = $"Envelope {id} has no payload.";
        }
        return new Envelope(id.Value, kind ?? EnvelopeKind.Request, start, length, problem is null ? null : $"Envelope {id}: {problem}", requestId) { TraceParent = traceParent };
    }

    // A name sent escaped is compared unescaped; one that does not unescape (a lone surrogate) is no name of ours.
    private static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.SequenceEqual(name);
        }
        try
        {
            return reader.ValueTextEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static EnvelopeKind? KindOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (NameIs(ref reader, NameBytes[i]))
            {
                return (EnvelopeKind)i;
            }
        }
        return null;
    }
}
