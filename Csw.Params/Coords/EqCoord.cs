namespace Csw.Params.Coords;

/// <summary>An equatorial coordinate: right ascension and declination in a frame, with proper motion.</summary>
public sealed record EqCoord : Coord
{
    /// <summary>Creates an equatorial coordinate.</summary>
    public EqCoord(Tag tag, Angle ra, Angle dec, EqFrame frame = EqFrame.ICRS, string catalogName = "none", ProperMotion pm = default)
        : base(tag)
    {
        Ra = ra;
        Dec = dec;
        Frame = frame;
        CatalogName = catalogName ?? throw new ArgumentNullException(nameof(catalogName));
        Pm = pm;
    }

    /// <summary>Right ascension.</summary>
    public Angle Ra { get; init; }

    /// <summary>Declination.</summary>
    public Angle Dec { get; init; }

    /// <summary>Reference frame.</summary>
    public EqFrame Frame { get; init; }

    /// <summary>Catalog name; <c>none</c> by default.</summary>
    public string CatalogName { get; init; }

    /// <summary>Proper motion.</summary>
    public ProperMotion Pm { get; init; }
}
