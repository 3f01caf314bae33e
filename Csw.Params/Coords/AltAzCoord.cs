namespace Csw.Params.Coords;

/// <summary>A horizontal coordinate: altitude and azimuth.</summary>
/// <param name="Tag">What the coordinate labels.</param>
/// <param name="Alt">Altitude.</param>
/// <param name="Az">Azimuth.</param>
public sealed record AltAzCoord(Tag Tag, Angle Alt, Angle Az) : Coord(Tag);
