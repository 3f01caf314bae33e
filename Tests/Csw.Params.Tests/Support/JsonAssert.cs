using System.Text.Json;

namespace Csw.Params.Tests.Support;

/// <summary>Semantic JSON equality: same fields and values, in any key order; numbers compared by value.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var difference = Compare(e.RootElement, a.RootElement, "$");
        Assert.True(difference is null, $"{difference}\nexpected: {expected}\nactual:   {actual}");
    }

    private static string? Compare(JsonElement e, JsonElement a, string path)
    {
        if (e.ValueKind != a.ValueKind)
        {
            return $"{path}: expected {e.ValueKind} {e}, found {a.ValueKind} {a}";
        }
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var eProps = e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var aProps = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                foreach (var name in eProps.Keys.Union(aProps.Keys))
                {
                    if (!eProps.TryGetValue(name, out var ev))
                    {
                        return $"{path}.{name}: not expected";
                    }
                    if (!aProps.TryGetValue(name, out var av))
                    {
                        return $"{path}.{name}: missing";
                    }
                    var d = Compare(ev, av, $"{path}.{name}");
                    if (d is not null)
                    {
                        return d;
                    }
                }
                return null;
            case JsonValueKind.Array:
                if (e.GetArrayLength() != a.GetArrayLength())
                {
                    return $"{path}: expected {e.GetArrayLength()} elements, found {a.GetArrayLength()}";
                }
                var i = 0;
                foreach (var (ev, av) in e.EnumerateArray().Zip(a.EnumerateArray()))
                {
                    var d = Compare(ev, av, $"{path}[{i++}]");
                    if (d is not null)
                    {
                        return d;
                    }
                }
                return null;
            case JsonValueKind.Number:
                return e.GetDecimal() == a.GetDecimal() ? null : $"{path}: expected {e}, found {a}";
            case JsonValueKind.String:
                return e.GetString() == a.GetString() ? null : $"{path}: expected '{e.GetString()}', found '{a.GetString()}'";
            default:
                return null;
        }
    }
}
