namespace Csw.Params.Coords;

/// <summary>The reference frame of an <see cref="EqCoord"/>; written by name.</summary>
public enum EqFrame
{
    /// <summary>International Celestial Reference System (the default).</summary>
    ICRS,
    /// <summary>Fifth Fundamental Catalogue.</summary>
    FK5,
}
