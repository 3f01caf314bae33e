namespace Csw.Params;

/// <summary>
/// A parameter without its value type: a key name, a key type, units and values. See
/// <see cref="Parameter{T}"/>. Immutable; equal when key name, key type, units and values are equal.
/// </summary>
public abstract class Parameter : IEquatable<Parameter>
{
    private protected Parameter(string keyName, Units units)
    {
        KeyName = KeyNames.Validate(keyName);
        Units = units ?? throw new ArgumentNullException(nameof(units));
    }

    /// <summary>The key name, e.g. <c>repeat</c>.</summary>
    public string KeyName { get; }

    /// <summary>The units of the values.</summary>
    public Units Units { get; }

    /// <summary>The type of the values.</summary>
    public abstract KeyType KeyType { get; }

    /// <summary>The number of values.</summary>
    public abstract int Count { get; }

    internal abstract void WriteValues(System.Text.Json.Utf8JsonWriter writer);

    /// <inheritdoc />
    public abstract bool Equals(Parameter? other);

    /// <summary>Whether <paramref name="other"/> has the same key and the same values, whatever its units.</summary>
    /// <param name="other">The parameter to compare with.</param>
    public abstract bool HasSameValues(Parameter? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Parameter);

    /// <inheritdoc />
    public abstract override int GetHashCode();
}
