using System.Text.Json;

namespace Csw.Params;

/// <summary>
/// A unit of measurement, one of CSW's fixed list. The wire format writes a unit by its
/// <see cref="Identifier"/> (<c>NoUnits</c>, <c>meter</c>, <c>utc</c>, ...) and reads it case-insensitively.
/// </summary>
public sealed class Units
{
    private Units(string identifier, string name, string description)
    {
        Identifier = identifier;
        Name = name;
        Description = description;
        Encoded = JsonEncodedText.Encode(identifier);
    }

    /// <summary>CSW's identifier, used on the wire, e.g. <c>meter</c>.</summary>
    public string Identifier { get; }

    /// <summary>The display name, e.g. <c>m</c>.</summary>
    public string Name { get; }

    /// <summary>What the unit measures.</summary>
    public string Description { get; }

    internal JsonEncodedText Encoded { get; }

    /// <summary>Angstrom: angstrom</summary>
    public static Units Angstrom { get; } = new("angstrom", "Angstrom", "angstrom");
    /// <summary>alpha: alpha: fine structure constant</summary>
    public static Units Alpha { get; } = new("alpha", "alpha", "alpha: fine structure constant");
    /// <summary>A: ampere: unit of electric current</summary>
    public static Units Ampere { get; } = new("ampere", "A", "ampere: unit of electric current");
    /// <summary>arcmin: arc minute; angular measurement</summary>
    public static Units Arcmin { get; } = new("arcmin", "arcmin", "arc minute; angular measurement");
    /// <summary>arcsec: arc second: angular measurement</summary>
    public static Units Arcsec { get; } = new("arcsec", "arcsec", "arc second: angular measurement");
    /// <summary>bar: bar: metric ton of pressure</summary>
    public static Units Bar { get; } = new("bar", "bar", "bar: metric ton of pressure");
    /// <summary>candela: candela(lumen/sr)</summary>
    public static Units Candela { get; } = new("candela", "candela", "candela(lumen/sr)");
    /// <summary>d: day</summary>
    public static Units Day { get; } = new("day", "d", "day");
    /// <summary>deg: degree: angular measurement 1/360 of full rotation</summary>
    public static Units Degree { get; } = new("degree", "deg", "degree: angular measurement 1/360 of full rotation");
    /// <summary>degC: Degree Celsius K</summary>
    public static Units DegC { get; } = new("degC", "degC", "Degree Celsius K");
    /// <summary>degF: Fahrenheit</summary>
    public static Units DegF { get; } = new("degF", "degF", "Fahrenheit");
    /// <summary>eV: electron volt</summary>
    public static Units Elvolt { get; } = new("elvolt", "eV", "electron volt");
    /// <summary>gauss: gauss</summary>
    public static Units Gauss { get; } = new("gauss", "gauss", "gauss");
    /// <summary>g: gram</summary>
    public static Units Gram { get; } = new("gram", "g", "gram");
    /// <summary>Hz: frequency</summary>
    public static Units Hertz { get; } = new("hertz", "Hz", "frequency");
    /// <summary>henry: Henry</summary>
    public static Units Henry { get; } = new("henry", "henry", "Henry");
    /// <summary>h: hour</summary>
    public static Units Hour { get; } = new("hour", "h", "hour");
    /// <summary>J: Joule: energy</summary>
    public static Units Joule { get; } = new("joule", "J", "Joule: energy");
    /// <summary>K: Kelvin: temperature with a null point at absolute zero</summary>
    public static Units Kelvin { get; } = new("kelvin", "K", "Kelvin: temperature with a null point at absolute zero");
    /// <summary>kg: kilogram, base unit of mass in SI</summary>
    public static Units Kilogram { get; } = new("kilogram", "kg", "kilogram, base unit of mass in SI");
    /// <summary>km: kilometers</summary>
    public static Units Kilometer { get; } = new("kilometer", "km", "kilometers");
    /// <summary>l: liter, metric unit of volume</summary>
    public static Units Liter { get; } = new("liter", "l", "liter, metric unit of volume");
    /// <summary>lm: lumen</summary>
    public static Units Lm { get; } = new("lm", "lm", "lumen");
    /// <summary>lsun: solar luminosity</summary>
    public static Units Lsun { get; } = new("lsun", "lsun", "solar luminosity");
    /// <summary>lx: lux(lm/m2)</summary>
    public static Units Lx { get; } = new("lx", "lx", "lux(lm/m2)");
    /// <summary>mas: milli arc second</summary>
    public static Units Mas { get; } = new("mas", "mas", "milli arc second");
    /// <summary>me: me(electron_mass)</summary>
    public static Units Me { get; } = new("me", "me", "me(electron_mass)");
    /// <summary>m: meter: base unit of length in SI</summary>
    public static Units Meter { get; } = new("meter", "m", "meter: base unit of length in SI");
    /// <summary>µas: micro arcsec: angular measurement</summary>
    public static Units Microarcsec { get; } = new("microarcsec", "µas", "micro arcsec: angular measurement");
    /// <summary>mm: millimeters</summary>
    public static Units Millimeter { get; } = new("millimeter", "mm", "millimeters");
    /// <summary>ms: milliseconds</summary>
    public static Units Millisecond { get; } = new("millisecond", "ms", "milliseconds");
    /// <summary>µm: micron: alias for micrometer</summary>
    public static Units Micron { get; } = new("micron", "µm", "micron: alias for micrometer");
    /// <summary>µm: micron</summary>
    public static Units Micrometer { get; } = new("micrometer", "µm", "micron");
    /// <summary>min: minute</summary>
    public static Units Minute { get; } = new("minute", "min", "minute");
    /// <summary>MJD: Mod. Julian Date</summary>
    public static Units MJD { get; } = new("MJD", "MJD", "Mod. Julian Date");
    /// <summary>mol: mole- unit of substance</summary>
    public static Units Mol { get; } = new("mol", "mol", "mole- unit of substance");
    /// <summary>month: Month name or number</summary>
    public static Units Month { get; } = new("month", "month", "Month name or number");
    /// <summary>mmyy: mmyy: Month/Year</summary>
    public static Units Mmyy { get; } = new("mmyy", "mmyy", "mmyy: Month/Year");
    /// <summary>mu0: mu0: magnetic constant</summary>
    public static Units Mu0 { get; } = new("mu0", "mu0", "mu0: magnetic constant");
    /// <summary>muB: Bohr magneton</summary>
    public static Units MuB { get; } = new("muB", "muB", "Bohr magneton");
    /// <summary>nm: nanometers</summary>
    public static Units Nanometer { get; } = new("nanometer", "nm", "nanometers");
    /// <summary>N: Newton: force</summary>
    public static Units Newton { get; } = new("newton", "N", "Newton: force");
    /// <summary>ohm: Ohm</summary>
    public static Units Ohm { get; } = new("ohm", "ohm", "Ohm");
    /// <summary>Pa: Pascal: pressure</summary>
    public static Units Pascal { get; } = new("pascal", "Pa", "Pascal: pressure");
    /// <summary>pi: pi</summary>
    public static Units Pi { get; } = new("pi", "pi", "pi");
    /// <summary>pc: parsec</summary>
    public static Units Pc { get; } = new("pc", "pc", "parsec");
    /// <summary>ppm: part per million</summary>
    public static Units Ppm { get; } = new("ppm", "ppm", "part per million");
    /// <summary>rad: radian: angular measurement of the ratio between the length of an arc and its radius</summary>
    public static Units Radian { get; } = new("radian", "rad", "radian: angular measurement of the ratio between the length of an arc and its radius");
    /// <summary>s: second: base unit of time in SI</summary>
    public static Units Second { get; } = new("second", "s", "second: base unit of time in SI");
    /// <summary>sday: sidereal day is the time of one rotation of the Earth</summary>
    public static Units Sday { get; } = new("sday", "sday", "sidereal day is the time of one rotation of the Earth");
    /// <summary>sr: steradian: unit of solid angle in SI</summary>
    public static Units Steradian { get; } = new("steradian", "sr", "steradian: unit of solid angle in SI");
    /// <summary>V: Volt: electric potential or electromotive force</summary>
    public static Units Volt { get; } = new("volt", "V", "Volt: electric potential or electromotive force");
    /// <summary>W: Watt: power</summary>
    public static Units Watt { get; } = new("watt", "W", "Watt: power");
    /// <summary>Wb: Weber</summary>
    public static Units Wb { get; } = new("Wb", "Wb", "Weber");
    /// <summary>wk: week</summary>
    public static Units Week { get; } = new("week", "wk", "week");
    /// <summary>yr: year</summary>
    public static Units Year { get; } = new("year", "yr", "year");
    /// <summary>C: coulomb: electric charge</summary>
    public static Units Coulomb { get; } = new("coulomb", "C", "coulomb: electric charge");
    /// <summary>cm: centimeter</summary>
    public static Units Centimeter { get; } = new("centimeter", "cm", "centimeter");
    /// <summary>Debye: Debye(dipole) A electric dipole moment</summary>
    public static Units D { get; } = new("D", "Debye", "Debye(dipole) A electric dipole moment");
    /// <summary>dyne: dyne: Unit of force</summary>
    public static Units Dyn { get; } = new("dyn", "dyne", "dyne: Unit of force");
    /// <summary>erg: erg: CGS unit of energy</summary>
    public static Units Erg { get; } = new("erg", "erg", "erg: CGS unit of energy");
    /// <summary>AU: astronomical unit: approximately the mean Earth-Sun distance</summary>
    public static Units Au { get; } = new("au", "AU", "astronomical unit: approximately the mean Earth-Sun distance");
    /// <summary>a0: bohr radius: probable distance between the nucleus and the electron in a hydrogen atom in its ground state</summary>
    public static Units A0 { get; } = new("a0", "a0", "bohr radius: probable distance between the nucleus and the electron in a hydrogen atom in its ground state");
    /// <summary>c: c: speed of light</summary>
    public static Units C { get; } = new("c", "c", "c: speed of light");
    /// <summary>cKayser: cKayser</summary>
    public static Units CKayser { get; } = new("cKayser", "cKayser", "cKayser");
    /// <summary>crab: Crab: astrophotometrical unit for measurement of the intensity of Astrophysical X-ray sources</summary>
    public static Units Crab { get; } = new("crab", "crab", "Crab: astrophotometrical unit for measurement of the intensity of Astrophysical X-ray sources");
    /// <summary>d:m:s: damas: degree arcminute arcsecond (sexagesimal angle from degree)</summary>
    public static Units Damas { get; } = new("damas", "d:m:s", "damas: degree arcminute arcsecond (sexagesimal angle from degree)");
    /// <summary>e: electron charge</summary>
    public static Units E { get; } = new("e", "e", "electron charge");
    /// <summary>earth: earth (geo) unit</summary>
    public static Units Earth { get; } = new("earth", "earth", "earth (geo) unit");
    /// <summary>F: Farad: F</summary>
    public static Units F { get; } = new("F", "F", "Farad: F");
    /// <summary>G: gravitation constant</summary>
    public static Units G { get; } = new("G", "G", "gravitation constant");
    /// <summary>geoMass: Earth Mass</summary>
    public static Units GeoMass { get; } = new("geoMass", "geoMass", "Earth Mass");
    /// <summary>hm: hour minutes (sexagesimal time from hours)</summary>
    public static Units Hm { get; } = new("hm", "hm", "hour minutes (sexagesimal time from hours)");
    /// <summary>hms: hour minutes seconds (sexagesimal time from hours)</summary>
    public static Units Hms { get; } = new("hms", "hms", "hour minutes seconds (sexagesimal time from hours)");
    /// <summary>HH:MM:SS: hour minutes seconds (sexagesimal time)</summary>
    public static Units Hhmmss { get; } = new("hhmmss", "HH:MM:SS", "hour minutes seconds (sexagesimal time)");
    /// <summary>Jy: Jansky: spectral flux density</summary>
    public static Units Jansky { get; } = new("jansky", "Jy", "Jansky: spectral flux density");
    /// <summary>jd: Julian Day</summary>
    public static Units Jd { get; } = new("jd", "jd", "Julian Day");
    /// <summary>jovMass: Jupiter mass</summary>
    public static Units Jovmass { get; } = new("jovmass", "jovMass", "Jupiter mass");
    /// <summary>lyr: light year</summary>
    public static Units Lightyear { get; } = new("lightyear", "lyr", "light year");
    /// <summary>mag: stellar magnitude</summary>
    public static Units Mag { get; } = new("mag", "mag", "stellar magnitude");
    /// <summary>Mjup: Jupiter mass</summary>
    public static Units Mjup { get; } = new("mjup", "Mjup", "Jupiter mass");
    /// <summary>mp: proton_mass</summary>
    public static Units Mp { get; } = new("mp", "mp", "proton_mass");
    /// <summary>m:s: minutes seconds (sexagesimal time from minutes)</summary>
    public static Units Minsec { get; } = new("minsec", "m:s", "minutes seconds (sexagesimal time from minutes)");
    /// <summary>Msun: solar mass</summary>
    public static Units Msun { get; } = new("msun", "Msun", "solar mass");
    /// <summary>photon: photon</summary>
    public static Units Photon { get; } = new("photon", "photon", "photon");
    /// <summary>Rgeo: Earth radius (eq)</summary>
    public static Units Rgeo { get; } = new("rgeo", "Rgeo", "Earth radius (eq)");
    /// <summary>Rjup: Jupiter Radius(eq)</summary>
    public static Units Rjup { get; } = new("rjup", "Rjup", "Jupiter Radius(eq)");
    /// <summary>Rsun: solar radius</summary>
    public static Units Rsun { get; } = new("rsun", "Rsun", "solar radius");
    /// <summary>Rydberg: energy of the photon whose wavenumber is the Rydberg constant</summary>
    public static Units Rydberg { get; } = new("rydberg", "Rydberg", "energy of the photon whose wavenumber is the Rydberg constant");
    /// <summary>seimens: Seimens</summary>
    public static Units Seimens { get; } = new("seimens", "seimens", "Seimens");
    /// <summary>tesla: Tesla</summary>
    public static Units Tesla { get; } = new("tesla", "tesla", "Tesla");
    /// <summary>u: atomic mass unit</summary>
    public static Units U { get; } = new("u", "u", "atomic mass unit");
    /// <summary>barn: barn: metric unit of area</summary>
    public static Units Barn { get; } = new("barn", "barn", "barn: metric unit of area");
    /// <summary>cal: thermochemical calorie: pre-SI metric unit of energy</summary>
    public static Units Cal { get; } = new("cal", "cal", "thermochemical calorie: pre-SI metric unit of energy");
    /// <summary>ft: international foot</summary>
    public static Units Foot { get; } = new("foot", "ft", "international foot");
    /// <summary>inch: international inch</summary>
    public static Units Inch { get; } = new("inch", "inch", "international inch");
    /// <summary>lb: international avoirdupois pound</summary>
    public static Units Pound { get; } = new("pound", "lb", "international avoirdupois pound");
    /// <summary>mi: international mile</summary>
    public static Units Mile { get; } = new("mile", "mi", "international mile");
    /// <summary>oz: international avoirdupois ounce</summary>
    public static Units Ounce { get; } = new("ounce", "oz", "international avoirdupois ounce");
    /// <summary>yd: international yard</summary>
    public static Units Yard { get; } = new("yard", "yd", "international yard");
    /// <summary>none: scalar - no units specified</summary>
    public static Units NoUnits { get; } = new("NoUnits", "none", "scalar - no units specified");
    /// <summary>bit: bit: binary value of 0 or 1</summary>
    public static Units Bit { get; } = new("bit", "bit", "bit: binary value of 0 or 1");
    /// <summary>enc: encoder counts</summary>
    public static Units Encoder { get; } = new("encoder", "enc", "encoder counts");
    /// <summary>ct: counts as for an encoder or detector</summary>
    public static Units Count { get; } = new("count", "ct", "counts as for an encoder or detector");
    /// <summary>mmHg: millimetre of mercury is a manometric unit of pressure</summary>
    public static Units Mmhg { get; } = new("mmhg", "mmHg", "millimetre of mercury is a manometric unit of pressure");
    /// <summary>percent: percentage</summary>
    public static Units Percent { get; } = new("percent", "percent", "percentage");
    /// <summary>pix: pixel</summary>
    public static Units Pix { get; } = new("pix", "pix", "pixel");
    /// <summary>TAI: TAI time unit</summary>
    public static Units Tai { get; } = new("tai", "TAI", "TAI time unit");
    /// <summary>UTC: UTC time unit</summary>
    public static Units Utc { get; } = new("utc", "UTC", "UTC time unit");
    /// <summary>date: date</summary>
    public static Units Date { get; } = new("date", "date", "date");
    /// <summary>datetime: date/time</summary>
    public static Units Datetime { get; } = new("datetime", "datetime", "date/time");
    /// <summary>psi: pounds per square inch</summary>
    public static Units Psi { get; } = new("psi", "psi", "pounds per square inch");
    /// <summary>lpm: liters per minute</summary>
    public static Units Lpm { get; } = new("lpm", "lpm", "liters per minute");

    /// <summary>All units, in CSW's order.</summary>
    public static IReadOnlyList<Units> All { get; } =
    [
        Angstrom, Alpha, Ampere, Arcmin, Arcsec, Bar, Candela, Day, Degree, DegC, DegF, Elvolt, Gauss, Gram,
        Hertz, Henry, Hour, Joule, Kelvin, Kilogram, Kilometer, Liter, Lm, Lsun, Lx, Mas, Me, Meter,
        Microarcsec, Millimeter, Millisecond, Micron, Micrometer, Minute, MJD, Mol, Month, Mmyy, Mu0, MuB,
        Nanometer, Newton, Ohm, Pascal, Pi, Pc, Ppm, Radian, Second, Sday, Steradian, Volt, Watt, Wb, Week,
        Year, Coulomb, Centimeter, D, Dyn, Erg, Au, A0, C, CKayser, Crab, Damas, E, Earth, F, G, GeoMass, Hm,
        Hms, Hhmmss, Jansky, Jd, Jovmass, Lightyear, Mag, Mjup, Mp, Minsec, Msun, Photon, Rgeo, Rjup, Rsun,
        Rydberg, Seimens, Tesla, U, Barn, Cal, Foot, Inch, Pound, Mile, Ounce, Yard, NoUnits, Bit, Encoder,
        Count, Mmhg, Percent, Pix, Tai, Utc, Date, Datetime, Psi, Lpm,
    ];

    private static readonly Internal.NameTable<Units> Table = new(All.Select(u => (u.Identifier, u)));

    /// <summary>Finds a unit by its identifier, ignoring case.</summary>
    /// <exception cref="FormatException">No unit has that identifier; the message suggests the nearest, e.g. <c>kelvin</c> for <c>K</c>.</exception>
    public static Units Parse(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return TryParse(identifier, out var units) ? units : throw new FormatException(Internal.UnitHints.Unknown(identifier, "Unknown") is var message && message.EndsWith('?') ? message : $"{message}.");
    }

    /// <summary>Finds a unit by its identifier, ignoring case.</summary>
    public static bool TryParse(ReadOnlySpan<char> identifier, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Units? units)
        => Table.TryGet(identifier, out units);

    internal static bool TryRead(ref Utf8JsonReader reader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Units? units)
        => Table.TryGet(ref reader, out units);

    /// <summary>The identifier, e.g. <c>meter</c>.</summary>
    public override string ToString() => Identifier;
}
