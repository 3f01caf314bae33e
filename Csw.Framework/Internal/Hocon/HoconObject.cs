namespace Csw.Framework.Internal.Hocon;

/// <summary>
/// An object's fields in the order they first appear. Setting a field again follows HOCON: an
/// object merges into an object already there, anything else replaces what was there.
/// </summary>
internal sealed class HoconObject(HoconPosition position) : HoconValue(position)
{
    private readonly OrderedDictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _fields;

    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HoconValue? value) => _fields.TryGetValue(key, out value);

    /// <summary>Sets <paramref name="key"/>, merging objects. Costs the size of <paramref name="value"/> at most, so that merging stays linear in the input.</summary>
    public void Set(string key, HoconValue value)
    {
        if (value is HoconObject incoming && _fields.TryGetValue(key, out var existing) && existing is HoconObject target)
        {
            target.MergeFrom(incoming);
        }
        else
        {
            _fields[key] = value;
        }
    }

    /// <summary>Merges <paramref name="other"/>'s fields into this object, <paramref name="other"/> winning.</summary>
    public void MergeFrom(HoconObject other)
    {
        foreach (var (key, value) in other._fields)
        {
            Set(key, value);
        }
    }
}
