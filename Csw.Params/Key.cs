namespace Csw.Params;

/// <summary>
/// A named, typed slot for parameter values, without its value type: lets keys of different types
/// sit in one list (see <see cref="ParamSet.MissingKeys"/>). Make keys with <see cref="Keys"/>.
/// </summary>
public abstract class Key
{
    private protected Key(string name, Units units)
    {
        Name = KeyNames.Validate(name);
        Units = units ?? throw new ArgumentNullException(nameof(units));
    }

    /// <summary>The key name, e.g. <c>repeat</c>.</summary>
    public string Name { get; }

    /// <summary>The units its parameters get.</summary>
    public Units Units { get; }

    /// <summary>The type of its values.</summary>
    public abstract KeyType KeyType { get; }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
