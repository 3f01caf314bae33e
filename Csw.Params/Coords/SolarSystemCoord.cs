namespace Csw.Params.Coords;

/// <summary>A solar-system body as a coordinate.</summary>
/// <param name="Tag">What the coordinate labels.</param>
/// <param name="Body">The body.</param>
public sealed record SolarSystemCoord(Tag Tag, SolarSystemObject Body) : Coord(Tag);
