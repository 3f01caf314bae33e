namespace Csw.Params.Coords;

/// <summary>Orbital elements of a comet.</summary>
/// <param name="Tag">What the coordinate labels.</param>
/// <param name="EpochOfPerihelion">TT as a Modified Julian Date.</param>
/// <param name="Inclination">Inclination.</param>
/// <param name="LongAscendingNode">Longitude of the ascending node.</param>
/// <param name="ArgOfPerihelion">Argument of perihelion.</param>
/// <param name="PerihelionDistance">Perihelion distance, in AU.</param>
/// <param name="Eccentricity">Eccentricity.</param>
public sealed record CometCoord(
    Tag Tag,
    double EpochOfPerihelion,
    Angle Inclination,
    Angle LongAscendingNode,
    Angle ArgOfPerihelion,
    double PerihelionDistance,
    double Eccentricity) : Coord(Tag);
