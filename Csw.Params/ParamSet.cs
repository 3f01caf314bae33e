using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Csw.Params;

/// <summary>
/// An immutable set of parameters with unique key names, in insertion order: the <c>paramSet</c> of
/// commands, states and results. Adding a parameter replaces one of the same key name. Equal when both
/// hold equal parameters, whatever their order (CSW's is a set).
/// </summary>
public sealed class ParamSet : IReadOnlyCollection<Parameter>, IEquatable<ParamSet>
{
    private readonly Parameter[] _items;

    private ParamSet(Parameter[] items) => _items = items;

    /// <summary>The empty set.</summary>
    public static ParamSet Empty { get; } = new([]);

    /// <summary>A set of <paramref name="parameters"/>; a later parameter replaces an earlier one of the same key name.</summary>
    public static ParamSet Of(params ReadOnlySpan<Parameter> parameters) => Empty.Add(parameters);

    /// <summary>Takes ownership of parameters whose key names are known to be distinct.</summary>
    internal static ParamSet OwnDistinct(Parameter[] items) => items.Length == 0 ? Empty : new(items);

    /// <summary>The number of parameters.</summary>
    public int Count => _items.Length;

    /// <summary>This set with <paramref name="parameter"/> added, replacing one of the same key name.</summary>
    public ParamSet Add(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var index = IndexOf(parameter.KeyName);
        Parameter[] items;
        if (index >= 0)
        {
            items = (Parameter[])_items.Clone();
            items[index] = parameter;
        }
        else
        {
            items = new Parameter[_items.Length + 1];
            _items.CopyTo(items, 0);
            items[^1] = parameter;
        }
        return new(items);
    }

    /// <summary>This set with each of <paramref name="parameters"/> added in turn.</summary>
    public ParamSet Add(params ReadOnlySpan<Parameter> parameters)
    {
        var set = this;
        foreach (var parameter in parameters)
        {
            set = set.Add(parameter);
        }
        return set;
    }

    /// <summary>The parameter of <paramref name="key"/> (same name and key type).</summary>
    /// <exception cref="KeyNotFoundException">There is none, or the name holds another key type.</exception>
    public Parameter<T> Get<T>(Key<T> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = Find(key.Name);
        return found switch
        {
            Parameter<T> p when ReferenceEquals(p.KeyType, key.KeyType) => p,
            null => throw new KeyNotFoundException($"The parameter set does not contain key '{key.Name}'."),
            _ => throw new KeyNotFoundException($"The parameter set holds '{key.Name}' as a {found.KeyType.Name}, not a {key.KeyType.Name}."),
        };
    }

    /// <summary>The parameter of <paramref name="key"/> (same name and key type), if there is one.</summary>
    public bool TryGet<T>(Key<T> key, [NotNullWhen(true)] out Parameter<T>? parameter)
    {
        ArgumentNullException.ThrowIfNull(key);
        parameter = Find(key.Name) is Parameter<T> p && ReferenceEquals(p.KeyType, key.KeyType) ? p : null;
        return parameter is not null;
    }

    /// <summary>The parameter named <paramref name="keyName"/>, whatever its type, or null.</summary>
    public Parameter? Find(string keyName)
    {
        var index = IndexOf(keyName);
        return index >= 0 ? _items[index] : null;
    }

    /// <summary>True when the set holds a parameter of <paramref name="key"/> (same name and key type).</summary>
    public bool Exists(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Find(key.Name) is { } p && ReferenceEquals(p.KeyType, key.KeyType);
    }

    /// <summary>True when the set holds a parameter named <paramref name="keyName"/>.</summary>
    public bool Contains(string keyName) => IndexOf(keyName) >= 0;

    /// <summary>This set without the parameter named like <paramref name="key"/>.</summary>
    public ParamSet Remove(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Remove(key.Name);
    }

    /// <summary>This set without the parameter named <paramref name="keyName"/>.</summary>
    public ParamSet Remove(string keyName)
    {
        var index = IndexOf(keyName);
        if (index < 0)
        {
            return this;
        }
        var items = new Parameter[_items.Length - 1];
        _items.AsSpan(0, index).CopyTo(items);
        _items.AsSpan(index + 1).CopyTo(items.AsSpan(index));
        return items.Length == 0 ? Empty : new(items);
    }

    /// <summary>The names of <paramref name="keys"/> that have no parameter in this set.</summary>
    public IReadOnlySet<string> MissingKeys(params ReadOnlySpan<Key> keys)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!Contains(key.Name))
            {
                missing.Add(key.Name);
            }
        }
        return missing;
    }

    /// <summary>Enumerates the parameters in insertion order.</summary>
    public IEnumerator<Parameter> GetEnumerator() => ((IEnumerable<Parameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal ReadOnlySpan<Parameter> AsSpan() => _items;

    /// <summary>True when both sets hold equal parameters, in any order.</summary>
    public bool Equals(ParamSet? other)
    {
        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }
        foreach (var parameter in _items)
        {
            if (!parameter.Equals(other.Find(parameter.KeyName)))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ParamSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var parameter in _items)
        {
            hash ^= parameter.GetHashCode();
        }
        return hash;
    }

    /// <summary>For example <c>[repeat(22)NoUnits, expTime(11:10)NoUnits]</c>.</summary>
    public override string ToString() => $"[{string.Join(", ", _items.AsEnumerable())}]";

    private int IndexOf(string keyName)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].KeyName, keyName, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
