using System.Text.Json;
using Csw.Params.Messages;

namespace Csw.Params.Internal;

/// <summary>
/// The command service's requests: <c>{"_type": "Submit", "controlCommand": {...}}</c>, <c>{"_type": "Query", "runId": ...}</c>,
/// <c>{"_type": "QueryFinal", "runId": ..., "timeoutInSeconds": 5}</c>, <c>{"_type": "SubscribeCurrentState", "names": [...]}</c>, ...
/// </summary>
internal static class MessageCodec
{
    private enum Kind
    {
        Validate, Submit, Oneway, Query, ExecuteDiagnosticMode, ExecuteOperationsMode, GoOnline, GoOffline, QueryFinal, SubscribeCurrentState,
    }

    private static readonly EnumTable<Kind> Kinds = new();
    private static readonly NameTable<Kind> HttpKinds = new(Enum.GetValues<Kind>().Where(k => k < Kind.QueryFinal).Select(k => (k.ToString(), k)));
    private static readonly NameTable<Kind> StreamKinds = new(Enum.GetValues<Kind>().Where(k => k >= Kind.QueryFinal).Select(k => (k.ToString(), k)));

    /// <summary>On the object's start: reads a request to the HTTP endpoint.</summary>
    public static CommandServiceRequest ReadRequest(ref CswReader reader)
        => (CommandServiceRequest)Read(ref reader, TypeTag.Find(ref reader, HttpKinds, "command service request"));

    /// <summary>On the object's start: reads a request to the WebSocket endpoint.</summary>
    public static CommandServiceStreamRequest ReadStreamRequest(ref CswReader reader)
        => (CommandServiceStreamRequest)Read(ref reader, TypeTag.Find(ref reader, StreamKinds, "command service stream request"));

    private static object Read(ref CswReader reader, Kind kind)
    {
        ControlCommand? command = null;
        Id? runId = null;
        long timeout = 0;
        UtcTime startTime = default;
        string? hint = null;
        var names = new List<StateName>();
        var seen = 0;
        while (reader.NextProperty())
        {
            if (kind <= Kind.Oneway && reader.Is("controlCommand"u8))
            {
                Fields.See(ref reader, ref seen, 1, "controlCommand");
                reader.Context.Enter("controlCommand");
                reader.Next();
                command = (ControlCommand)CommandCodec.Read(ref reader, controlOnly: true);
                reader.Context.Exit();
            }
            else if (kind is Kind.Query or Kind.QueryFinal && reader.Is("runId"u8))
            {
                Fields.See(ref reader, ref seen, 1, "runId");
                runId = Fields.Id(ref reader, "runId");
            }
            else if (kind == Kind.QueryFinal && reader.Is("timeoutInSeconds"u8))
            {
                Fields.See(ref reader, ref seen, 2, "timeoutInSeconds");
                timeout = Fields.Long(ref reader, "timeoutInSeconds");
                if (timeout < 0 || timeout > TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerSecond)
                {
                    reader.Context.Enter("timeoutInSeconds");
                    throw reader.Fail($"the timeout {timeout} s is out of range");
                }
            }
            else if (kind == Kind.ExecuteDiagnosticMode && reader.Is("startTime"u8))
            {
                Fields.See(ref reader, ref seen, 1, "startTime");
                startTime = Fields.UtcTime(ref reader, "startTime");
            }
            else if (kind == Kind.ExecuteDiagnosticMode && reader.Is("hint"u8))
            {
                Fields.See(ref reader, ref seen, 2, "hint");
                hint = Fields.String(ref reader, "hint");
            }
            else if (kind == Kind.SubscribeCurrentState && reader.Is("names"u8))
            {
                Fields.See(ref reader, ref seen, 1, "names");
                ReadNames(ref reader, names);
            }
            else
            {
                reader.SkipValue();
            }
        }
        var name = Kinds.Name(kind);
        switch (kind)
        {
            case <= Kind.Oneway: Fields.Require(ref reader, seen, 1, name, "controlCommand"); break;
            case Kind.Query: Fields.Require(ref reader, seen, 1, name, "runId"); break;
            case Kind.QueryFinal: Fields.Require(ref reader, seen, 3, name, "runId", "timeoutInSeconds"); break;
            case Kind.ExecuteDiagnosticMode: Fields.Require(ref reader, seen, 3, name, "startTime", "hint"); break;
        }
        return kind switch
        {
            Kind.Validate => new Validate(command!),
            Kind.Submit => new Submit(command!),
            Kind.Oneway => new Oneway(command!),
            Kind.Query => new Query(runId!),
            Kind.ExecuteDiagnosticMode => new ExecuteDiagnosticMode(startTime, hint!),
            Kind.ExecuteOperationsMode => new ExecuteOperationsMode(),
            Kind.GoOnline => new GoOnline(),
            Kind.GoOffline => new GoOffline(),
            Kind.QueryFinal => new QueryFinal(runId!, TimeSpan.FromSeconds(timeout)),
            _ => new SubscribeCurrentState(names),
        };
    }

    private static void ReadNames(ref CswReader reader, List<StateName> names)
    {
        reader.Context.Enter("names");
        reader.Next();
        reader.Expect(JsonTokenType.StartArray, "an array of state names");
        reader.Context.EnterArray();
        while (true)
        {
            reader.Next();
            if (reader.Token == JsonTokenType.EndArray)
            {
                break;
            }
            reader.Context.SetIndex(names.Count);
            if (names.Count >= reader.Context.Options.MaxElements)
            {
                throw reader.Fail($"too many elements: at most {reader.Context.Options.MaxElements} (CswJsonOptions.MaxElements)");
            }
            names.Add(new StateName(reader.GetString("a state name (a string)")));
        }
        reader.Context.Exit();
        reader.Context.Exit();
    }

    public static void Write(Utf8JsonWriter writer, object request)
    {
        writer.WriteStartObject();
        var kind = request switch
        {
            Validate => Kind.Validate,
            Submit => Kind.Submit,
            Oneway => Kind.Oneway,
            Query => Kind.Query,
            ExecuteDiagnosticMode => Kind.ExecuteDiagnosticMode,
            ExecuteOperationsMode => Kind.ExecuteOperationsMode,
            GoOnline => Kind.GoOnline,
            GoOffline => Kind.GoOffline,
            QueryFinal => Kind.QueryFinal,
            SubscribeCurrentState => Kind.SubscribeCurrentState,
            _ => throw new CswJsonException($"unknown command service request {request.GetType().Name}"),
        };
        writer.WriteString(TypeTag.Encoded, Kinds.Encoded(kind));
        switch (request)
        {
            case Validate m: WriteCommand(writer, m.ControlCommand); break;
            case Submit m: WriteCommand(writer, m.ControlCommand); break;
            case Oneway m: WriteCommand(writer, m.ControlCommand); break;
            case Query m: writer.WriteString("runId"u8, m.RunId.Value); break;
            case ExecuteDiagnosticMode m:
                writer.WritePropertyName("startTime"u8);
                UtcTimeScalar.Write(writer, m.StartTime);
                writer.WriteString("hint"u8, m.Hint);
                break;
            case QueryFinal m:
                writer.WriteString("runId"u8, m.RunId.Value);
                writer.WriteNumber("timeoutInSeconds"u8, m.Timeout.Ticks / TimeSpan.TicksPerSecond);
                break;
            case SubscribeCurrentState m:
                writer.WriteStartArray("names"u8);
                foreach (var name in m.Names)
                {
                    writer.WriteStringValue(name.Name);
                }
                writer.WriteEndArray();
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteCommand(Utf8JsonWriter writer, ControlCommand command)
    {
        writer.WritePropertyName("controlCommand"u8);
        CommandCodec.Write(writer, command);
    }
}
