using System.Text;
using System.Text.Json.Nodes;

namespace Csw.Tests.Shared.Fuzz;

/// <summary>
/// Turns valid CSW JSON into inputs a server must survive: random bytes; truncations, flipped,
/// inserted and repeated bytes; JSON made deep, long, or of the wrong kind; values swapped for
/// extremes; fields removed, added or renamed; <c>_type</c>s swapped. One to three mutations each.
/// </summary>
internal sealed class Mutator(Random random)
{
    private static readonly string[] Tokens = ["{", "}", "[", "]", "\"", ",", ":", "null", "true", "-", "0", "-1", "1e309", "\\u0000", "\\ud800", "\\", "\u00e9", "\ud83d\ude00", "NaN", " ", "\n"];

    private static readonly JsonNode?[] Extremes =
    [
        null, 0, -1, 1, int.MaxValue, long.MaxValue, long.MinValue, 1e308, -1e-308, 0.5, "", "x", new string('x', 10_000),
        "8b6c63c5-0000-4000-8000-000000000001", "\u0000", "TCS.filter.wheel", "999999999 days", "-1 seconds", true, false,
    ];

    /// <summary>A mutated input made from <paramref name="seed"/> (or, now and then, from nothing at all).</summary>
    public byte[] Mutate(string seed)
    {
        if (random.Next(20) == 0)
        {
            return RandomBytes(random.Next(0, 2048));
        }
        var text = seed;
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            text = random.Next(10) switch
            {
                0 or 1 or 2 => MutateTree(text),
                3 => Truncate(text),
                4 => Insert(text, Tokens[random.Next(Tokens.Length)]),
                5 => SwapType(text),
                6 => Repeat(text),
                7 => Deep(text),
                8 => Flip(text),
                _ => Insert(text, Encoding.UTF8.GetString(RandomBytes(random.Next(1, 16)))),
            };
        }
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A seed picked at random.</summary>
    public string Pick(IReadOnlyList<string> seeds) => seeds[random.Next(seeds.Count)];

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private string Truncate(string text) => text.Length == 0 ? text : text[..random.Next(text.Length)];

    private string Insert(string text, string what)
    {
        var at = random.Next(text.Length + 1);
        return string.Concat(text.AsSpan(0, at), what, text.AsSpan(at));
    }

    private string Repeat(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var start = random.Next(text.Length);
        var length = random.Next(1, Math.Min(64, text.Length - start) + 1);
        return Insert(text, string.Concat(Enumerable.Repeat(text.Substring(start, length), random.Next(1, 50))));
    }

    private string Deep(string text)
    {
        var depth = random.Next(10, 3000);
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        return Insert(text, string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, random.Next(depth + 1))));
    }

    private string Flip(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var chars = text.ToCharArray();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            chars[random.Next(chars.Length)] = (char)random.Next(1, 128);
        }
        return new string(chars);
    }

    private string SwapType(string text)
    {
        var at = text.IndexOf("\"_type\":\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }
        var start = at + 9;
        var end = text.IndexOf('"', start);
        return end < 0 ? text : string.Concat(text.AsSpan(0, start), FuzzSeeds.TypeNames[random.Next(FuzzSeeds.TypeNames.Length)], text.AsSpan(end));
    }

    /// <summary>A change to one value of the parsed JSON: replaced, removed, renamed, or beside an unknown field.</summary>
    private string MutateTree(string text)
    {
        try
        {
            return ChangeOneNode(text);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON a tree can be made of (e.g. duplicate names): mutate the text instead.
            return Flip(text);
        }
    }

    private string ChangeOneNode(string text)
    {
        var root = JsonNode.Parse(text);
        if (root is null)
        {
            return text;
        }
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        switch (random.Next(4))
        {
            case 0 when target.Parent is JsonObject parent:
                parent.Remove(target.GetPropertyName());
                break;
            case 1 when target.Parent is JsonObject parent:
                var name = target.GetPropertyName();
                parent.Remove(name);
                parent[name + (random.Next(2) == 0 ? "X" : "")] = Extreme();
                break;
            case 2 when target is JsonObject obj:
                obj["unknown" + random.Next(100)] = Extreme();
                break;
            case 3 when target.Parent is JsonArray array:
                array.Add(Extreme());
                break;
            default:
                if (target.Parent is JsonObject owner)
                {
                    owner[target.GetPropertyName()] = Extreme();
                }
                else if (target.Parent is JsonArray items)
                {
                    items[target.GetElementIndex()] = Extreme();
                }
                else
                {
                    return Extreme()?.ToJsonString() ?? "null";
                }
                break;
        }
        return root.ToJsonString();
    }

    private JsonNode? Extreme() => random.Next(6) == 0
        ? new JsonArray(Extreme(), Extreme())
        : Extremes[random.Next(Extremes.Length)]?.DeepClone();

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }
                break;
        }
    }
}
