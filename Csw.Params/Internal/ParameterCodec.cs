using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>
/// Parameters: <c>{"IntKey": {"keyName": "repeat", "values": [22], "units": "NoUnits"}}</c>, and parameter
/// sets, arrays of those with distinct key names.
/// </summary>
internal static class ParameterCodec
{
    private static readonly JsonEncodedText KeyName = JsonEncodedText.Encode("keyName");
    private static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
    private static readonly JsonEncodedText UnitsName = JsonEncodedText.Encode("units");

    /// <summary>On the object's start: reads one parameter.</summary>
    public static Parameter Read(ref CswReader reader)
    {
        reader.Expect(JsonTokenType.StartObject, "a parameter (an object such as {\"IntKey\": {...}})");
        if (!reader.NextProperty())
        {
            throw reader.Fail("expected a parameter, found an empty object");
        }
        if (!KeyType.TryRead(ref reader.Json, out var keyType))
        {
            throw reader.Fail($"unknown key type '{reader.Json.GetString()}'");
        }
        reader.Context.Enter(keyType.Name);
        reader.Next();
        var parameter = keyType.ReadParameter(ref reader);
        reader.Context.Exit();
        if (reader.NextProperty())
        {
            throw reader.Fail($"a parameter has exactly one field, its key type; found another: '{reader.Json.GetString()}'");
        }
        return parameter;
    }

    /// <summary>On the <c>{"keyName": ...}</c> object's start: reads the body of a parameter of <paramref name="keyType"/>.</summary>
    public static Parameter<T> ReadBody<T>(ref CswReader reader, KeyType<T> keyType)
    {
        reader.Expect(JsonTokenType.StartObject, "an object with keyName, values and units");
        reader.Context.ResetBudget();
        string? keyName = null;
        T[]? values = null;
        Units? units = null;
        var seen = 0;
        while (reader.NextProperty())
        {
            if (reader.Is("keyName"u8))
            {
                Fields.See(ref reader, ref seen, 1, "keyName");
                reader.Context.Enter("keyName");
                reader.Next();
                keyName = reader.GetString("a key name (a string)");
                if (!KeyNames.IsValid(keyName))
                {
                    throw reader.Fail($"invalid key name '{keyName}': a key name cannot contain '[', ']' or '/'");
                }
                reader.Context.Exit();
            }
            else if (reader.Is("values"u8))
            {
                Fields.See(ref reader, ref seen, 2, "values");
                reader.Context.Enter("values");
                reader.Next();
                values = keyType.Codec.ReadAll(ref reader);
                reader.Context.Exit();
            }
            else if (reader.Is("units"u8))
            {
                Fields.See(ref reader, ref seen, 4, "units");
                reader.Context.Enter("units");
                reader.Next();
                reader.Expect(JsonTokenType.String, "units (a string such as 'NoUnits')");
                if (!Params.Units.TryRead(ref reader.Json, out units))
                {
                    throw reader.Fail(UnitHints.Unknown(reader.Json.GetString()!));
                }
                reader.Context.Exit();
            }
            else
            {
                reader.SkipValue();
            }
        }
        Fields.Require(ref reader, seen, 7, "the parameter", "keyName", "values", "units");
        return new Parameter<T>(keyName!, keyType, values!, units!);
    }

    public static void Write(Utf8JsonWriter writer, Parameter parameter)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(parameter.KeyType.EncodedName);
        writer.WriteStartObject();
        writer.WriteString(KeyName, parameter.KeyName);
        writer.WritePropertyName(Values);
        try
        {
            parameter.WriteValues(writer);
        }
        catch (CswJsonException e)
        {
            throw new CswJsonException($"parameter '{parameter.KeyName}': {e.Problem}", inner: e);
        }
        writer.WriteString(UnitsName, parameter.Units.Encoded);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>On the array's start: reads a parameter set, rejecting repeated key names.</summary>
    public static ParamSet ReadSet(ref CswReader reader)
    {
        reader.Expect(JsonTokenType.StartArray, "a parameter set (an array of parameters)");
        var context = reader.Context;
        context.EnterArray();
        var buffer = new ValueBuffer<Parameter>(16);
        HashSet<string>? names = null;
        try
        {
            var index = 0;
            while (true)
            {
                reader.Next();
                if (reader.Token == JsonTokenType.EndArray)
                {
                    break;
                }
                context.SetIndex(index);
                if (index >= context.Options.MaxElements)
                {
                    throw reader.Fail($"too many parameters: at most {context.Options.MaxElements} (CswJsonOptions.MaxElements)");
                }
                var parameter = Read(ref reader);
                if (IsRepeated(ref buffer, ref names, parameter.KeyName))
                {
                    throw reader.Fail($"the key name '{parameter.KeyName}' appears twice in the parameter set");
                }
                buffer.Add(parameter);
                index++;
            }
            context.Exit();
            return ParamSet.OwnDistinct(buffer.ToArray());
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>On a <c>paramSet</c> property name: reads its parameter set.</summary>
    public static ParamSet ReadSetProperty(ref CswReader reader)
    {
        reader.Context.Enter("paramSet");
        reader.Next();
        var set = ReadSet(ref reader);
        reader.Context.Exit();
        return set;
    }

    private static bool IsRepeated(ref ValueBuffer<Parameter> buffer, ref HashSet<string>? names, string keyName)
    {
        // A linear scan for the usual handful of parameters; a hash set keeps large sets linear.
        if (names is null && buffer.Count < 16)
        {
            for (var i = 0; i < buffer.Count; i++)
            {
                if (buffer[i].KeyName == keyName)
                {
                    return true;
                }
            }
            return false;
        }
        if (names is null)
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < buffer.Count; i++)
            {
                names.Add(buffer[i].KeyName);
            }
        }
        return !names.Add(keyName);
    }

    public static void WriteSet(Utf8JsonWriter writer, ParamSet set)
    {
        writer.WriteStartArray();
        foreach (var parameter in set.AsSpan())
        {
            Write(writer, parameter);
        }
        writer.WriteEndArray();
    }
}
