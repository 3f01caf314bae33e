using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Identifiers and simple values as top-level JSON: bare strings, and component ids as objects.</summary>
internal static class IdentifierCodecs
{
    public static void Register()
    {
        TypeCodecs.Add((ref r) => Parse(ref r, "a prefix (a string such as 'TCS.filter.wheel')", (string s, out Prefix? v, out string e) => Prefix.TryParse(s, out v, out e)), (w, v) => w.WriteStringValue(v.ToString()));
        TypeCodecs.Add((ref r) => Parse(ref r, "an ObsId (a string such as '2020A-001-123')", (string s, out ObsId? v, out string e) => ObsId.TryParse(s, out v, out e)), (w, v) => w.WriteStringValue(v.ToString()));
        TypeCodecs.Add((ref r) => new Id(r.GetString("an id (a string)")), (w, v) => w.WriteStringValue(v.Value));
        TypeCodecs.Add((ref r) => new CommandName(r.GetString("a command name (a string)")), (w, v) => w.WriteStringValue(v.Name));
        TypeCodecs.Add((ref r) => new StateName(r.GetString("a state name (a string)")), (w, v) => w.WriteStringValue(v.Name));
        TypeCodecs.Add((ref r) => Scalar<UtcTimeScalar, UtcTime>(ref r), UtcTimeScalar.Write);
        TypeCodecs.Add((ref r) => Scalar<TaiTimeScalar, TaiTime>(ref r), TaiTimeScalar.Write);
        TypeCodecs.Add((ref r) => Units.TryParse(r.GetString("units (a string)"), out var units) ? units : throw r.Fail(UnitHints.Unknown(r.Json.GetString()!)), (w, v) => w.WriteStringValue(v.Encoded));
        TypeCodecs.Add((ref r) => Enum(ref r, Names.Subsystems, "subsystem"), (w, v) => w.WriteStringValue(Names.Subsystems.Encoded(v)));
        TypeCodecs.Add((ref r) => Enum(ref r, Names.ComponentTypes, "component type"), (w, v) => w.WriteStringValue(Names.ComponentTypes.Encoded(v)));
        TypeCodecs.Add(ReadComponentId, WriteComponentId);
    }

    private delegate bool TryParse<T>(string text, out T? value, out string error);

    private static T Parse<T>(ref CswReader reader, string what, TryParse<T> parse)
        => parse(reader.GetString(what), out var value, out var error) ? value! : throw reader.Fail(error);

    private static T Scalar<TScalar, T>(ref CswReader reader)
        where TScalar : struct, IScalar<T>
        => TScalar.TryRead(ref reader, out var value) ? value : throw reader.Unexpected(TScalar.Expected);

    private static TEnum Enum<TEnum>(ref CswReader reader, EnumTable<TEnum> table, string what)
        where TEnum : struct, System.Enum
    {
        reader.Expect(JsonTokenType.String, $"a {what} (a string)");
        return table.Lookup.TryGet(ref reader.Json, out var value)
            ? value
            : throw reader.Fail($"unknown {what} '{reader.Json.GetString()}'; expected one of {string.Join(", ", table.Lookup.Names)}");
    }

    private static ComponentId ReadComponentId(ref CswReader reader)
    {
        reader.Expect(JsonTokenType.StartObject, "a component id (an object with prefix and componentType)");
        Prefix? prefix = null;
        var type = ComponentType.HCD;
        var seen = 0;
        while (reader.NextProperty())
        {
            if (reader.Is("prefix"u8))
            {
                Fields.See(ref reader, ref seen, 1, "prefix");
                prefix = Fields.Prefix(ref reader, "prefix");
            }
            else if (reader.Is("componentType"u8))
            {
                Fields.See(ref reader, ref seen, 2, "componentType");
                type = Fields.Enum(ref reader, "componentType", Names.ComponentTypes, "component type");
            }
            else
            {
                reader.SkipValue();
            }
        }
        Fields.Require(ref reader, seen, 3, "the component id", "prefix", "componentType");
        return new ComponentId(prefix!, type);
    }

    private static void WriteComponentId(Utf8JsonWriter writer, ComponentId id)
    {
        writer.WriteStartObject();
        writer.WriteString("prefix"u8, id.Prefix.ToString());
        writer.WriteString("componentType"u8, Names.ComponentTypes.Encoded(id.ComponentType));
        writer.WriteEndObject();
    }
}
