namespace Csw.Params.Coords;

/// <summary>Orbital elements of a minor planet.</summary>
/// <param name="Tag">What the coordinate labels.</param>
/// <param name="Epoch">TT as a Modified Julian Date.</param>
/// <param name="Inclination">Inclination.</param>
/// <param name="LongAscendingNode">Longitude of the ascending node.</param>
/// <param name="ArgOfPerihelion">Argument of perihelion.</param>
/// <param name="MeanDistance">Mean distance, in AU.</param>
/// <param name="Eccentricity">Eccentricity.</param>
/// <param name="MeanAnomaly">Mean anomaly.</param>
public sealed record MinorPlanetCoord(
    Tag Tag,
    double Epoch,
    Angle Inclination,
    Angle LongAscendingNode,
    Angle ArgOfPerihelion,
    double MeanDistance,
    double Eccentricity,
    Angle MeanAnomaly) : Coord(Tag);
