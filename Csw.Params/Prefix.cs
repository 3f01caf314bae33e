using Csw.Params.Internal;

namespace Csw.Params;

/// <summary>
/// The name of a component: a <see cref="Subsystem"/> and a component name, written
/// <c>TCS.filter.wheel</c>. The subsystem is read case-insensitively and always printed in its
/// canonical spelling. Immutable; equal when subsystem and component name are equal.
/// </summary>
public sealed record Prefix
{
    private readonly string _text;

    /// <summary>Creates a prefix.</summary>
    /// <exception cref="ArgumentException">The component name has surrounding whitespace or contains <c>-</c>.</exception>
    public Prefix(Subsystem subsystem, string componentName)
        : this(subsystem, componentName, null)
    {
    }

    /// <summary>Creates a prefix whose wire form, if already known, is <paramref name="text"/>.</summary>
    private Prefix(Subsystem subsystem, string componentName, string? text)
    {
        ArgumentNullException.ThrowIfNull(componentName);
        if (!Enum.IsDefined(subsystem))
        {
            throw new ArgumentOutOfRangeException(nameof(subsystem), subsystem, "Unknown subsystem.");
        }
        if (componentName.Length != componentName.Trim().Length)
        {
            throw new ArgumentException($"Invalid prefix component name '{componentName}': it has leading or trailing whitespace.", nameof(componentName));
        }
        if (componentName.Contains('-', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid prefix component name '{componentName}': it contains '-'.", nameof(componentName));
        }
        Subsystem = subsystem;
        ComponentName = componentName;
        _text = text ?? $"{Names.Subsystems.Name(subsystem)}.{componentName}";
    }

    /// <summary>The subsystem, e.g. <see cref="Subsystem.TCS"/>.</summary>
    public Subsystem Subsystem { get; }

    /// <summary>The component name: everything after the first <c>.</c>, e.g. <c>filter.wheel</c>.</summary>
    public string ComponentName { get; }

    /// <summary>Parses <c>subsystem.componentName</c>, splitting on the first <c>.</c>.</summary>
    /// <exception cref="FormatException">No <c>.</c>, an unknown subsystem, or an invalid component name.</exception>
    public static Prefix Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var prefix, out var error) ? prefix : throw new FormatException(error);
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Prefix? prefix)
        => TryParse(value, out prefix, out _);

    internal static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Prefix? prefix, out string error)
    {
        prefix = null;
        if (value is null)
        {
            error = "A prefix must not be null.";
            return false;
        }
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            error = $"Invalid prefix '{value}': it must have a '.' separator, as in 'TCS.filter.wheel'.";
            return false;
        }
        if (!Names.Subsystems.TryGet(value.AsSpan(0, dot), out var subsystem))
        {
            error = $"Invalid prefix '{value}': unknown subsystem '{value[..dot]}'{SubsystemHint(value[..dot])}";
            return false;
        }
        var componentName = value[(dot + 1)..];
        if (componentName.Length != componentName.Trim().Length)
        {
            error = $"Invalid prefix '{value}': the component name has leading or trailing whitespace.";
            return false;
        }
        if (componentName.Contains('-', StringComparison.Ordinal))
        {
            error = $"Invalid prefix '{value}': the component name contains '-'.";
            return false;
        }
        // Reuse the input as the wire form when the subsystem is already spelled canonically.
        var canonical = value.AsSpan(0, dot).SequenceEqual(Names.Subsystems.Name(subsystem));
        prefix = new Prefix(subsystem, componentName, canonical ? value : null);
        error = "";
        return true;
    }

    /// <summary>How a sentence about an unknown subsystem ends: the nearest ones, or all of them.</summary>
    private static string SubsystemHint(string text)
    {
        var names = Enum.GetValues<Subsystem>().Select(s => Names.Subsystems.Name(s)).ToList();
        return Spelling.Nearest(text, names) is { Count: > 0 } nearest
            ? $"; did you mean {string.Join(" or ", nearest)}?"
            : $" (subsystems: {string.Join(", ", names)}).";
    }

    /// <summary>The wire form, e.g. <c>TCS.filter.wheel</c>.</summary>
    public override string ToString() => _text;
}
