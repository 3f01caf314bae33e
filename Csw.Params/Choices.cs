using System.Collections.Immutable;

namespace Csw.Params;

/// <summary>The allowed values of a choice key (see <see cref="Keys.Choice"/>).</summary>
public sealed class Choices
{
    /// <summary>Creates the set of allowed choices.</summary>
    public Choices(IEnumerable<Choice> values) => Values = [.. values];

    /// <summary>The allowed choices.</summary>
    public ImmutableHashSet<Choice> Values { get; }

    /// <summary>Creates the set of allowed choices from their names.</summary>
    public static Choices From(params IEnumerable<string> names) => new(names.Select(n => new Choice(n)));

    /// <summary>True when <paramref name="choice"/> is allowed.</summary>
    public bool Contains(Choice choice) => Values.Contains(choice);

    /// <summary>For example <c>(red,green)</c>.</summary>
    public override string ToString() => $"({string.Join(",", Values)})";
}
