namespace Csw.Params;

/// <summary>
/// A named slot for values of type <typeparamref name="T"/>: <c>Keys.Int("repeat")</c>. Makes parameters
/// with <see cref="Set"/> and reads them back from a parameter set: <c>setup.Get(repeat).Head</c>.
/// </summary>
/// <typeparam name="T">The type of one value.</typeparam>
public sealed class Key<T> : Key
{
    private readonly KeyType<T> _keyType;

    internal Key(string name, KeyType<T> keyType, Units units, Choices? choices)
        : base(name, units)
    {
        _keyType = keyType;
        Choices = choices;
    }

    /// <summary>The type of the values.</summary>
    public override KeyType<T> KeyType => _keyType;

    /// <summary>For a choice key, the allowed choices; otherwise null.</summary>
    public Choices? Choices { get; }

    /// <summary>A parameter of this key holding <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">A choice key was given a value that is not one of its choices.</exception>
    public Parameter<T> Set(params ReadOnlySpan<T> values) => Create(values.ToArray());

    /// <summary>A parameter of this key holding <paramref name="values"/>.</summary>
    public Parameter<T> SetAll(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Create([.. values]);
    }

    /// <summary>The same key with other units.</summary>
    public Key<T> WithUnits(Units units) => new(Name, _keyType, units, Choices);

    private Parameter<T> Create(T[] values)
    {
        if (Choices is not null)
        {
            foreach (var value in values)
            {
                if (value is Choice choice && !Choices.Contains(choice))
                {
                    throw new ArgumentException($"Bad choice '{choice}' for key '{Name}': it must be one of {Choices}.", nameof(values));
                }
            }
        }
        return new Parameter<T>(Name, _keyType, values, Units);
    }
}
