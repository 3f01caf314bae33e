namespace Csw.Params.Coords;

/// <summary>
/// A coordinate, one of <see cref="EqCoord"/>, <see cref="SolarSystemCoord"/>, <see cref="MinorPlanetCoord"/>,
/// <see cref="CometCoord"/> and <see cref="AltAzCoord"/>. On the wire an object with <c>"_type"</c>
/// naming the kind, then <c>"tag"</c> and the kind's fields; angles as whole microarcseconds.
/// </summary>
public abstract record Coord
{
    private protected Coord(Tag tag) => Tag = tag;

    /// <summary>What the coordinate labels, e.g. <see cref="Tag.Base"/>.</summary>
    public Tag Tag { get; init; }
}
