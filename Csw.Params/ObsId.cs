using System.Globalization;

namespace Csw.Params;

/// <summary>
/// An observation id, written <c>2020A-001-123</c>: semester year and <see cref="Params.Semester"/>,
/// program number and observation number (both 1 to 999, printed with three digits).
/// </summary>
public sealed record ObsId
{
    private readonly string _text;

    /// <summary>Creates an observation id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public ObsId(int year, Semester semester, int programNumber, int observationNumber)
        : this(year, semester, programNumber, observationNumber, null)
    {
    }

    /// <summary>Creates an observation id whose wire form, if already known, is <paramref name="text"/>.</summary>
    private ObsId(int year, Semester semester, int programNumber, int observationNumber, string? text)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(year);
        if (!Enum.IsDefined(semester))
        {
            throw new ArgumentOutOfRangeException(nameof(semester), semester, "The semester must be A or B.");
        }
        if (programNumber is < 1 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(programNumber), programNumber, "The program number must be in the range 1 to 999.");
        }
        if (observationNumber is < 1 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(observationNumber), observationNumber, "The observation number must be in the range 1 to 999.");
        }
        Year = year;
        Semester = semester;
        ProgramNumber = programNumber;
        ObservationNumber = observationNumber;
        _text = text ?? string.Create(CultureInfo.InvariantCulture, $"{year}{semester}-{programNumber:000}-{observationNumber:000}");
    }

    /// <summary>The semester's year, e.g. 2020.</summary>
    public int Year { get; }

    /// <summary>The semester, A or B.</summary>
    public Semester Semester { get; }

    /// <summary>The program number, 1 to 999.</summary>
    public int ProgramNumber { get; }

    /// <summary>The observation number, 1 to 999.</summary>
    public int ObservationNumber { get; }

    /// <summary>The program id, e.g. <c>2020A-001</c>.</summary>
    public string ProgramId => string.Create(CultureInfo.InvariantCulture, $"{Year}{Semester}-{ProgramNumber:000}");

    /// <summary>Parses <c>2020A-001-123</c> (the semester letter case-insensitively).</summary>
    /// <exception cref="FormatException">The text is not an observation id.</exception>
    public static ObsId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var obsId, out var error) ? obsId : throw new FormatException(error);
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ObsId? obsId)
        => TryParse(value, out obsId, out _);

    internal static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ObsId? obsId, out string error)
    {
        obsId = null;
        var text = value.AsSpan();
        var first = text.IndexOf('-');
        var second = first < 0 ? -1 : text[(first + 1)..].IndexOf('-');
        if (value is null || first < 2 || second < 0 || text[(first + second + 2)..].Contains('-'))
        {
            error = $"Invalid ObsId '{value}': it must be a semester id, a program number and an observation number separated by '-', as in '2020A-001-123'.";
            return false;
        }
        var yearText = text[..(first - 1)];
        var semesterText = text[first - 1];
        var program = text.Slice(first + 1, second);
        var observation = text[(first + second + 2)..];
        if (!TryParseNumber(yearText, out var year))
        {
            error = $"Invalid ObsId '{value}': '{yearText}' is not a valid year.";
            return false;
        }
        if (semesterText is not ('A' or 'a' or 'B' or 'b'))
        {
            error = $"Invalid ObsId '{value}': the semester must be A or B, not '{semesterText}'.";
            return false;
        }
        if (!TryParseNumber(program, out var programNumber) || programNumber is < 1 or > 999)
        {
            error = $"Invalid ObsId '{value}': the program number '{program}' must be an integer in the range 1 to 999.";
            return false;
        }
        if (!TryParseNumber(observation, out var observationNumber) || observationNumber is < 1 or > 999)
        {
            error = $"Invalid ObsId '{value}': the observation number '{observation}' must be an integer in the range 1 to 999.";
            return false;
        }
        // Reuse the input as the wire form when it is already canonical.
        var canonical = semesterText is 'A' or 'B' && program.Length == 3 && observation.Length == 3 && (yearText.Length == 1 || yearText[0] != '0');
        obsId = new ObsId(year, semesterText is 'A' or 'a' ? Semester.A : Semester.B, programNumber, observationNumber, canonical ? value : null);
        error = "";
        return true;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out int number)
    {
        number = 0;
        return text.Length is > 0 and <= 9 && !text.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>The wire form, e.g. <c>2020A-001-123</c>.</summary>
    public override string ToString() => _text;
}
