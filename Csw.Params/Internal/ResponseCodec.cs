using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>
/// Command responses, <c>{"_type": "Completed", "runId": ..., "result": {...}}</c>, and command issues,
/// <c>{"_type": "OtherIssue", "reason": ...}</c>.
/// </summary>
internal static class ResponseCodec
{
    public enum Kind { Accepted, Started, Completed, Invalid, Error, Cancelled, Locked }

    private static readonly EnumTable<Kind> Kinds = new();
    private static readonly JsonEncodedText RunId = JsonEncodedText.Encode("runId");
    private static readonly JsonEncodedText ResultText = JsonEncodedText.Encode("result");
    private static readonly JsonEncodedText IssueText = JsonEncodedText.Encode("issue");
    private static readonly JsonEncodedText MessageText = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");

    /// <summary>The response kinds of each group, as bit masks over <see cref="Kind"/>.</summary>
    public const int Any = 0b111_1111;
    public const int Validate = (1 << (int)Kind.Accepted) | (1 << (int)Kind.Invalid) | (1 << (int)Kind.Locked);
    public const int Oneway = Validate;
    public const int Submit = Any & ~(1 << (int)Kind.Accepted);
    public const int Matching = (1 << (int)Kind.Completed) | (1 << (int)Kind.Invalid) | (1 << (int)Kind.Error) | (1 << (int)Kind.Locked);

    /// <summary>On the object's start: reads a response whose kind is in <paramref name="allowed"/>.</summary>
    public static CommandResponse Read(ref CswReader reader, int allowed, string group)
    {
        var kind = TypeTag.Find(ref reader, Kinds.Lookup, "command response");
        if ((allowed & (1 << (int)kind)) == 0)
        {
            reader.Context.Enter("_type");
            throw reader.Fail($"expected a {group}, found {Kinds.Name(kind)}, which is not one");
        }
        Id? runId = null;
        Result? result = null;
        CommandIssue? issue = null;
        string? message = null;
        var seen = 0;
        while (reader.NextProperty())
        {
            if (reader.Is("runId"u8))
            {
                Fields.See(ref reader, ref seen, 1, "runId");
                runId = Fields.Id(ref reader, "runId");
            }
            else if (kind == Kind.Completed && reader.Is("result"u8))
            {
                Fields.See(ref reader, ref seen, 2, "result");
                reader.Context.Enter("result");
                reader.Next();
                result = StateCodec.ReadResult(ref reader);
                reader.Context.Exit();
            }
            else if (kind == Kind.Invalid && reader.Is("issue"u8))
            {
                Fields.See(ref reader, ref seen, 2, "issue");
                reader.Context.Enter("issue");
                reader.Next();
                issue = ReadIssue(ref reader);
                reader.Context.Exit();
            }
            else if (kind == Kind.Error && reader.Is("message"u8))
            {
                Fields.See(ref reader, ref seen, 2, "message");
                message = reader.ReadStringProperty("message", "a message (a string)");
            }
            else
            {
                reader.SkipValue();
            }
        }
        var second = kind switch { Kind.Completed => "result", Kind.Invalid => "issue", Kind.Error => "message", _ => null };
        Fields.Require(ref reader, seen, second is null ? 1 : 3, Kinds.Name(kind), "runId", second ?? "");
        return kind switch
        {
            Kind.Accepted => new Accepted(runId!),
            Kind.Started => new Started(runId!),
            Kind.Completed => new Completed(runId!, result),
            Kind.Invalid => new Invalid(runId!, issue!),
            Kind.Error => new Error(runId!, message!),
            Kind.Cancelled => new Cancelled(runId!),
            _ => new Locked(runId!),
        };
    }

    public static void Write(Utf8JsonWriter writer, CommandResponse response)
    {
        writer.WriteStartObject();
        var kind = response switch
        {
            Accepted => Kind.Accepted,
            Started => Kind.Started,
            Completed => Kind.Completed,
            Invalid => Kind.Invalid,
            Error => Kind.Error,
            Cancelled => Kind.Cancelled,
            _ => Kind.Locked,
        };
        writer.WriteString(TypeTag.Encoded, Kinds.Encoded(kind));
        writer.WriteString(RunId, response.RunId.Value);
        switch (response)
        {
            case Completed completed:
                writer.WritePropertyName(ResultText);
                StateCodec.WriteResult(writer, completed.Result);
                break;
            case Invalid invalid:
                writer.WritePropertyName(IssueText);
                WriteIssue(writer, invalid.Issue);
                break;
            case Error error:
                writer.WriteString(MessageText, error.Message);
                break;
        }
        writer.WriteEndObject();
    }

    /// <summary>On the object's start: reads a command issue.</summary>
    public static CommandIssue ReadIssue(ref CswReader reader)
    {
        var kind = TypeTag.Find(ref reader, Names.IssueKinds.Lookup, "command issue");
        string? reason = null;
        var seen = 0;
        while (reader.NextProperty())
        {
            if (reader.Is("reason"u8))
            {
                Fields.See(ref reader, ref seen, 1, "reason");
                reason = reader.ReadStringProperty("reason", "a reason (a string)");
            }
            else
            {
                reader.SkipValue();
            }
        }
        Fields.Require(ref reader, seen, 1, Names.IssueKinds.Name(kind), "reason");
        return new CommandIssue(kind, reason!);
    }

    public static void WriteIssue(Utf8JsonWriter writer, CommandIssue issue)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeTag.Encoded, Names.IssueKinds.Encoded(issue.Kind));
        writer.WriteString(Reason, issue.Reason);
        writer.WriteEndObject();
    }
}
