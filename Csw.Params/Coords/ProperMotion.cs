namespace Csw.Params.Coords;

/// <summary>Proper motion of an <see cref="EqCoord"/>; <c>{"pmx": ..., "pmy": ...}</c> on the wire.</summary>
/// <param name="Pmx">Proper motion in right ascension.</param>
/// <param name="Pmy">Proper motion in declination.</param>
public readonly record struct ProperMotion(double Pmx, double Pmy)
{
    /// <summary>No proper motion.</summary>
    public static ProperMotion None => default;
}
