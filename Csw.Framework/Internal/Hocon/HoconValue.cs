namespace Csw.Framework.Internal.Hocon;

/// <summary>A value read from HOCON: an object, an array or a scalar, and where it starts.</summary>
internal abstract class HoconValue(HoconPosition position)
{
    /// <summary>Where the value starts in the text.</summary>
    public HoconPosition Position { get; } = position;
}

/// <summary>An array's elements, in order.</summary>
internal sealed class HoconArray(HoconPosition position) : HoconValue(position)
{
    public List<HoconValue> Items { get; } = [];
}

/// <summary>What a <see cref="HoconScalar"/> holds.</summary>
internal enum HoconScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A string, number, boolean or null; <see cref="Text"/> is the string, or the literal as written.</summary>
internal sealed class HoconScalar(HoconPosition position, HoconScalarKind kind, string text) : HoconValue(position)
{
    public HoconScalarKind Kind { get; } = kind;

    public string Text { get; } = text;
}
