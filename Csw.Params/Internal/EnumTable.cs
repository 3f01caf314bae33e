using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Csw.Params.Internal;

/// <summary>Wire names of a contiguous enum (values 0..n-1), whose member names are the wire names.</summary>
internal sealed class EnumTable<TEnum> where TEnum : struct, Enum
{
    private readonly string[] _names;
    private readonly JsonEncodedText[] _encoded;

    public EnumTable()
    {
        var values = Enum.GetValues<TEnum>();
        _names = new string[values.Length];
        _encoded = new JsonEncodedText[values.Length];
        foreach (var value in values)
        {
            var index = Unsafe.As<TEnum, int>(ref Unsafe.AsRef(in value));
            _names[index] = value.ToString();
            _encoded[index] = JsonEncodedText.Encode(_names[index]);
        }
        Lookup = new NameTable<TEnum>(values.Select(v => (v.ToString(), v)));
    }

    public NameTable<TEnum> Lookup { get; }

    public string Name(TEnum value) => _names[Index(value)];

    public JsonEncodedText Encoded(TEnum value) => _encoded[Index(value)];

    public bool TryGet(ReadOnlySpan<char> name, out TEnum value) => Lookup.TryGet(name, out value);

    private int Index(TEnum value)
    {
        var index = Unsafe.As<TEnum, int>(ref value);
        if ((uint)index >= (uint)_names.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");
        }
        return index;
    }
}
