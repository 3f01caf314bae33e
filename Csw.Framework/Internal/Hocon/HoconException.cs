namespace Csw.Framework.Internal.Hocon;

/// <summary>The text is not HOCON that <see cref="HoconParser"/> reads; the message starts with the line and column.</summary>
internal sealed class HoconException(string problem, HoconPosition position)
    : Exception($"{position}: {problem}")
{
    /// <summary>Where the problem is.</summary>
    public HoconPosition Position { get; } = position;
}
