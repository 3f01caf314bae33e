using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>
/// Commands, states and results:
/// <c>{"_type": "Setup", "source": ..., "commandName": ..., "maybeObsId": ..., "paramSet": [...]}</c>,
/// <c>{"_type": "CurrentState", "prefix": ..., "stateName": ..., "paramSet": [...]}</c>, <c>{"paramSet": [...]}</c>.
/// </summary>
internal static class CommandCodec
{
    public enum Kind { Setup, Observe, Wait }

    private enum StateKind { CurrentState, DemandState }

    private static readonly EnumTable<Kind> Kinds = new();
    private static readonly EnumTable<StateKind> StateKinds = new();
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText CommandNameText = JsonEncodedText.Encode("commandName");
    private static readonly JsonEncodedText MaybeObsId = JsonEncodedText.Encode("maybeObsId");
    private static readonly JsonEncodedText ParamSetText = JsonEncodedText.Encode("paramSet");
    private static readonly JsonEncodedText PrefixText = JsonEncodedText.Encode("prefix");
    private static readonly JsonEncodedText StateNameText = JsonEncodedText.Encode("stateName");

    /// <summary>On the object's start: reads a command, which must be a control command if <paramref name="controlOnly"/>.</summary>
    public static Command Read(ref CswReader reader, bool controlOnly)
    {
        var kind = TypeTag.Find(ref reader, Kinds.Lookup, "command");
        if (controlOnly && kind == Kind.Wait)
        {
            reader.Context.Enter("_type");
            throw reader.Fail("expected a control command (Setup or Observe), found a Wait");
        }
        Prefix? source = null;
        string? commandName = null;
        ObsId? obsId = null;
        ParamSet? paramSet = null;
        var seen = 0;
        while (reader.NextProperty())
        {
            if (reader.Is("source"u8))
            {
                Fields.See(ref reader, ref seen, 1, "source");
                source = Fields.Prefix(ref reader, "source");
            }
            else if (reader.Is("commandName"u8))
            {
                Fields.See(ref reader, ref seen, 2, "commandName");
                commandName = reader.ReadStringProperty("commandName", "a command name (a string)");
            }
            else if (reader.Is("maybeObsId"u8))
            {
                Fields.See(ref reader, ref seen, 4, "maybeObsId");
                obsId = ReadOptionalObsId(ref reader);
            }
            else if (reader.Is("paramSet"u8))
            {
                Fields.See(ref reader, ref seen, 8, "paramSet");
                paramSet = ReadParamSetProperty(ref reader);
            }
            else
            {
                reader.SkipValue();
            }
        }
        Fields.Require(ref reader, seen, 1 | 2 | 8, Kinds.Name(kind), "source", "commandName", "maybeObsId", "paramSet");
        return kind switch
        {
            Kind.Setup => new Setup(source!, new CommandName(commandName!), obsId) { ParamSet = paramSet! },
            Kind.Observe => new Observe(source!, new CommandName(commandName!), obsId) { ParamSet = paramSet! },
            _ => new Wait(source!, new CommandName(commandName!), obsId) { ParamSet = paramSet! },
        };
    }

    public static void Write(Utf8JsonWriter writer, Command command)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeTag.Encoded, command switch
        {
            Setup => Kinds.Encoded(Kind.Setup),
            Observe => Kinds.Encoded(Kind.Observe),
            _ => Kinds.Encoded(Kind.Wait),
        });
        writer.WriteString(Source, command.Source.ToString());
        writer.WriteString(CommandNameText, command.CommandName.Name);
        if (command.ObsId is { } obsId)
        {
            writer.WriteString(MaybeObsId, obsId.ToString());
        }
        writer.WritePropertyName(ParamSetText);
        ParameterCodec.WriteSet(writer, command.ParamSet);
        writer.WriteEndObject();
    }

    /// <summary>On the object's start: reads a state; without <c>_type</c> it is a current state (as CSW's state stream sends it).</summary>
    public static StateVariable ReadState(ref CswReader reader)
    {
        var kind = TypeTag.Find(ref reader, StateKinds.Lookup, "state", StateKind.CurrentState);
        Prefix? prefix = null;
        string? stateName = null;
        ParamSet? paramSet = null;
        var seen = 0;
        while (reader.NextProperty())
        {
            if (reader.Is("prefix"u8))
            {
                Fields.See(ref reader, ref seen, 1, "prefix");
                prefix = Fields.Prefix(ref reader, "prefix");
            }
            else if (reader.Is("stateName"u8))
            {
                Fields.See(ref reader, ref seen, 2, "stateName");
                stateName = reader.ReadStringProperty("stateName", "a state name (a string)");
            }
            else if (reader.Is("paramSet"u8))
            {
                Fields.See(ref reader, ref seen, 4, "paramSet");
                paramSet = ReadParamSetProperty(ref reader);
            }
            else
            {
                reader.SkipValue();
            }
        }
        Fields.Require(ref reader, seen, 7, StateKinds.Name(kind), "prefix", "stateName", "paramSet");
        return kind == StateKind.CurrentState
            ? new CurrentState(prefix!, new StateName(stateName!)) { ParamSet = paramSet! }
            : new DemandState(prefix!, new StateName(stateName!)) { ParamSet = paramSet! };
    }

    public static void WriteState(Utf8JsonWriter writer, StateVariable state, bool withType)
    {
        writer.WriteStartObject();
        if (withType)
        {
            writer.WriteString(TypeTag.Encoded, StateKinds.Encoded(state is CurrentState ? StateKind.CurrentState : StateKind.DemandState));
        }
        writer.WriteString(PrefixText, state.Prefix.ToString());
        writer.WriteString(StateNameText, state.StateName.Name);
        writer.WritePropertyName(ParamSetText);
        ParameterCodec.WriteSet(writer, state.ParamSet);
        writer.WriteEndObject();
    }

    /// <summary>On the object's start: reads <c>{"paramSet": [...]}</c>.</summary>
    public static Result ReadResult(ref CswReader reader)
    {
        reader.Expect(JsonTokenType.StartObject, "a result (an object with a paramSet)");
        ParamSet? paramSet = null;
        var seen = 0;
        while (reader.NextProperty())
        {
            if (reader.Is("paramSet"u8))
            {
                Fields.See(ref reader, ref seen, 1, "paramSet");
                paramSet = ReadParamSetProperty(ref reader);
            }
            else
            {
                reader.SkipValue();
            }
        }
        Fields.Require(ref reader, seen, 1, "the result", "paramSet");
        return paramSet!.Count == 0 ? Result.Empty : new Result { ParamSet = paramSet };
    }

    public static void WriteResult(Utf8JsonWriter writer, Result result)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(ParamSetText);
        ParameterCodec.WriteSet(writer, result.ParamSet);
        writer.WriteEndObject();
    }

    private static ParamSet ReadParamSetProperty(ref CswReader reader)
    {
        reader.Context.Enter("paramSet");
        reader.Next();
        var set = ParameterCodec.ReadSet(ref reader);
        reader.Context.Exit();
        return set;
    }

    private static ObsId? ReadOptionalObsId(ref CswReader reader)
    {
        var peek = reader.Json;
        // CSW omits an absent ObsId; null is taken to mean the same.
        if (peek.Read() && peek.TokenType == JsonTokenType.Null)
        {
            reader.Next();
            return null;
        }
        return Fields.ObsId(ref reader, "maybeObsId");
    }
}
