using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>
/// States and results: <c>{"_type": "CurrentState", "prefix": ..., "stateName": ..., "paramSet": [...]}</c>
/// and <c>{"paramSet": [...]}</c>.
/// </summary>
internal static class StateCodec
{
    private enum StateKind { CurrentState, DemandState }

    private static readonly EnumTable<StateKind> StateKinds = new();
    private static readonly JsonEncodedText PrefixText = JsonEncodedText.Encode("prefix");
    private static readonly JsonEncodedText StateNameText = JsonEncodedText.Encode("stateName");
    private static readonly JsonEncodedText ParamSetText = JsonEncodedText.Encode("paramSet");

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
                paramSet = ParameterCodec.ReadSetProperty(ref reader);
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
                paramSet = ParameterCodec.ReadSetProperty(ref reader);
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
}
