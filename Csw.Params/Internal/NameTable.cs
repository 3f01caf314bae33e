using System.Text;
using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>
/// Case-insensitive lookup of wire names (CSW reads enum names with <c>withNameInsensitive</c>),
/// straight from the reader's UTF-8 bytes for the usual short ASCII names.
/// </summary>
internal sealed class NameTable<T>
{
    private const int MaxStackName = 64;

    private readonly Dictionary<string, T> _byName;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public NameTable(IEnumerable<(string Name, T Value)> entries)
    {
        _byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in entries)
        {
            _byName.Add(name, value);
        }
        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>All names, in declaration order.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    public bool TryGet(ReadOnlySpan<char> name, out T value) => _bySpan.TryGetValue(name, out value!);

    /// <summary>Looks up the current string or property-name token of <paramref name="reader"/>, without allocating for short names.</summary>
    public bool TryGet(ref Utf8JsonReader reader, out T value)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= MaxStackName)
        {
            Span<char> chars = stackalloc char[MaxStackName];
            if (Ascii.ToUtf16(reader.ValueSpan, chars, out var written) == System.Buffers.OperationStatus.Done)
            {
                return TryGet(chars[..written], out value);
            }
        }
        return TryGet(reader.GetString().AsSpan(), out value);
    }
}
