using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Commands: <c>{"_type": "Setup", "source": ..., "commandName": ..., "maybeObsId": ..., "paramSet": [...]}</c>.</summary>
internal static class CommandCodec
{
    public enum Kind { Setup, Observe, Wait }

    private static readonly EnumTable<Kind> Kinds = new();
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText CommandNameText = JsonEncodedText.Encode("commandName");
    private static readonly JsonEncodedText MaybeObsId = JsonEncodedText.Encode("maybeObsId");
    private static readonly JsonEncodedText ParamSetText = JsonEncodedText.Encode("paramSet");

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
                paramSet = ParameterCodec.ReadSetProperty(ref reader);
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
