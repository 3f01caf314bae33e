namespace Csw.Params;

/// <summary>
/// An angle held exactly as a whole number of microarcseconds, as CSW does; the wire format
/// writes that number. Convert with <see cref="FromDegrees"/>, <see cref="ToDegrees"/> and friends.
/// </summary>
/// <param name="Uas">The angle in microarcseconds.</param>
public readonly record struct Angle(long Uas) : IComparable<Angle>
{
    private const double DegreesToUas = 3600.0 * 1_000_000.0;

    /// <summary>An angle of <paramref name="degrees"/> degrees (truncated to whole microarcseconds).</summary>
    public static Angle FromDegrees(double degrees) => new((long)(degrees * DegreesToUas));

    /// <summary>An angle of <paramref name="arcMinutes"/> minutes of arc.</summary>
    public static Angle FromArcMinutes(double arcMinutes) => new((long)(arcMinutes * 60.0 * 1_000_000.0));

    /// <summary>An angle of <paramref name="arcSeconds"/> seconds of arc.</summary>
    public static Angle FromArcSeconds(double arcSeconds) => new((long)(arcSeconds * 1_000_000.0));

    /// <summary>An angle of <paramref name="milliArcSeconds"/> milliseconds of arc.</summary>
    public static Angle FromMilliArcSeconds(double milliArcSeconds) => new((long)(milliArcSeconds * 1000.0));

    /// <summary>An angle of <paramref name="hours"/> hours of right ascension (15 degrees each).</summary>
    public static Angle FromHours(double hours) => new((long)(hours * 15.0 * DegreesToUas));

    /// <summary>An angle of <paramref name="radians"/> radians.</summary>
    public static Angle FromRadians(double radians) => new((long)(radians * (180.0 / Math.PI) * DegreesToUas));

    /// <summary>The angle in degrees.</summary>
    public double ToDegrees() => Uas / DegreesToUas;

    /// <summary>The angle in radians.</summary>
    public double ToRadians() => ToDegrees() * (Math.PI / 180.0);

    /// <summary>The sum of two angles.</summary>
    public static Angle operator +(Angle a, Angle b) => new(a.Uas + b.Uas);

    /// <summary>The difference of two angles.</summary>
    public static Angle operator -(Angle a, Angle b) => new(a.Uas - b.Uas);

    /// <summary>Orders angles by size.</summary>
    public int CompareTo(Angle other) => Uas.CompareTo(other.Uas);

    /// <summary>For example <c>Angle(12.5 degree)</c>.</summary>
    public override string ToString() => $"Angle({ToDegrees().ToString(System.Globalization.CultureInfo.InvariantCulture)} degree)";
}
