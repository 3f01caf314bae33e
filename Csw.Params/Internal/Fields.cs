using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Reads the simple field values shared by the object codecs; each is called on a property name.</summary>
internal static class Fields
{
    public static string String(ref CswReader reader, string name) => reader.ReadStringProperty(name, "a string");

    public static double Double(ref CswReader reader, string name)
    {
        reader.Context.Enter(name);
        reader.Next();
        if (!DoubleScalar.TryRead(ref reader, out var value))
        {
            throw reader.Unexpected(DoubleScalar.Expected);
        }
        reader.Context.Exit();
        return value;
    }

    public static long Long(ref CswReader reader, string name)
    {
        reader.Context.Enter(name);
        reader.Next();
        if (!LongScalar.TryRead(ref reader, out var value))
        {
            throw reader.Unexpected(LongScalar.Expected);
        }
        reader.Context.Exit();
        return value;
    }

    public static Angle Angle(ref CswReader reader, string name) => new(Long(ref reader, name));

    public static TEnum Enum<TEnum>(ref CswReader reader, string name, EnumTable<TEnum> table, string what)
        where TEnum : struct, System.Enum
    {
        reader.Context.Enter(name);
        reader.Next();
        reader.Expect(JsonTokenType.String, what);
        if (!table.Lookup.TryGet(ref reader.Json, out var value))
        {
            throw reader.Fail($"unknown {what} '{reader.Json.GetString()}'; expected one of {string.Join(", ", table.Lookup.Names)}");
        }
        reader.Context.Exit();
        return value;
    }

    public static Prefix Prefix(ref CswReader reader, string name)
    {
        reader.Context.Enter(name);
        reader.Next();
        var text = reader.GetString("a prefix (a string such as 'TCS.filter.wheel')");
        if (!Params.Prefix.TryParse(text, out var prefix, out var error))
        {
            throw reader.Fail(error);
        }
        reader.Context.Exit();
        return prefix;
    }

    public static ObsId ObsId(ref CswReader reader, string name)
    {
        reader.Context.Enter(name);
        reader.Next();
        var text = reader.GetString("an ObsId (a string such as '2020A-001-123')");
        if (!Params.ObsId.TryParse(text, out var obsId, out var error))
        {
            throw reader.Fail(error);
        }
        reader.Context.Exit();
        return obsId;
    }

    public static Id Id(ref CswReader reader, string name) => new(reader.ReadStringProperty(name, "an id (a string)"));

    public static UtcTime UtcTime(ref CswReader reader, string name)
    {
        reader.Context.Enter(name);
        reader.Next();
        if (!UtcTimeScalar.TryRead(ref reader, out var value))
        {
            throw reader.Unexpected(UtcTimeScalar.Expected);
        }
        reader.Context.Exit();
        return value;
    }

    /// <summary>Marks field <paramref name="bit"/> as seen, rejecting a second occurrence.</summary>
    public static void See(ref CswReader reader, ref int seen, int bit, string name)
    {
        if ((seen & bit) != 0)
        {
            throw reader.Fail($"the field '{name}' appears twice");
        }
        seen |= bit;
    }

    /// <summary>Fails unless every field of <paramref name="required"/> was seen, naming the first missing one.</summary>
    public static void Require(ref CswReader reader, int seen, int required, string what, params ReadOnlySpan<string> names)
    {
        var missing = required & ~seen;
        if (missing != 0)
        {
            throw reader.Missing(names[System.Numerics.BitOperations.TrailingZeroCount(missing)], what);
        }
    }
}
