namespace Csw.Params.Coords;

/// <summary>A solar-system body that a <see cref="SolarSystemCoord"/> can point at; written by name.</summary>
public enum SolarSystemObject
{
    /// <summary>Mercury.</summary>
    Mercury,
    /// <summary>Venus.</summary>
    Venus,
    /// <summary>The Moon.</summary>
    Moon,
    /// <summary>Mars.</summary>
    Mars,
    /// <summary>Jupiter.</summary>
    Jupiter,
    /// <summary>Saturn.</summary>
    Saturn,
    /// <summary>Neptune.</summary>
    Neptune,
    /// <summary>Uranus.</summary>
    Uranus,
    /// <summary>Pluto.</summary>
    Pluto,
}
