using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Finds the <c>"_type"</c> of a tagged object (CSW's flat ADT encoding), wherever it sits among the fields.</summary>
internal static class TypeTag
{
    public static ReadOnlySpan<byte> Name => "_type"u8;

    public static readonly JsonEncodedText Encoded = JsonEncodedText.Encode("_type");

    /// <summary>On the object's start: the value of its <c>_type</c>, looked up in <paramref name="table"/>. The reader does not move.</summary>
    public static T Find<T>(ref CswReader reader, NameTable<T> table, string family) => Find(ref reader, table, family, false, default!);

    /// <summary>As <see cref="Find{T}(ref CswReader, NameTable{T}, string)"/>, with <paramref name="absent"/> standing for a missing <c>_type</c>.</summary>
    public static T Find<T>(ref CswReader reader, NameTable<T> table, string family, T absent) => Find(ref reader, table, family, true, absent);

    private static T Find<T>(ref CswReader reader, NameTable<T> table, string family, bool hasAbsent, T absent)
    {
        reader.Expect(JsonTokenType.StartObject, $"a {family} (a JSON object)");
        // A copy of the reader looks ahead; CSW writes _type first, so this is usually one property.
        var probe = reader.Json;
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            if (!probe.ValueTextEquals(Name))
            {
                if (!probe.TrySkip())
                {
                    break;
                }
                continue;
            }
            reader.Context.Enter("_type");
            if (!probe.Read())
            {
                break;
            }
            if (probe.TokenType != JsonTokenType.String)
            {
                throw reader.Context.Fail($"expected the name of a {family} type, found a {probe.TokenType}", probe.TokenStartIndex);
            }
            if (!table.TryGet(ref probe, out var value))
            {
                throw reader.Context.Fail(
                    $"unknown {family} type '{probe.GetString()}'; expected one of {string.Join(", ", table.Names)}", probe.TokenStartIndex);
            }
            reader.Context.Exit();
            return value;
        }
        if (probe.TokenType == JsonTokenType.EndObject && hasAbsent)
        {
            return absent;
        }
        if (probe.TokenType == JsonTokenType.EndObject)
        {
            throw reader.Fail($"the {family} has no '_type' field");
        }
        throw reader.Fail("the JSON ends too early (truncated input)");
    }
}
