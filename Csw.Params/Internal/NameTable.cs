using System.Text;
using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>
/// Case-insensitive lookup of wire names (CSW reads enum names with <c>withNameInsensitive</c>),
/// with the canonical spelling pre-encoded for writing.
/// </summary>
internal sealed class NameTable<T>
{
    private readonly Dictionary<string, T> _byName;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly (byte[] Utf8, T Value)[] _exact;

    public NameTable(IEnumerable<(string Name, T Value)> entries)
    {
        _byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        var exact = new List<(byte[], T)>();
        foreach (var (name, value) in entries)
        {
            _byName.Add(name, value);
            exact.Add((Encoding.UTF8.GetBytes(name), value));
        }
        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _exact = [.. exact];
    }

    /// <summary>All names, in declaration order.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    public bool TryGet(ReadOnlySpan<char> name, out T value) => _bySpan.TryGetValue(name, out value!);

    /// <summary>Looks up the current string token of <paramref name="reader"/> without allocating.</summary>
    public bool TryGet(ref Utf8JsonReader reader, out T value)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var span = reader.ValueSpan;
            // Exact spelling first: the common case, and no transcoding.
            foreach (var (utf8, candidate) in _exact)
            {
                if (span.SequenceEqual(utf8))
                {
                    value = candidate;
                    return true;
                }
            }
            if (span.Length <= 128)
            {
                Span<char> chars = stackalloc char[128];
                if (Encoding.UTF8.TryGetChars(span, chars, out var written))
                {
                    return TryGet(chars[..written], out value);
                }
            }
        }
        return TryGet(reader.GetString().AsSpan(), out value);
    }
}
