using Csw.Params.Internal;

namespace Csw.Params;

/// <summary>
/// A TAI instant with nanosecond precision (CSW's <c>TAITime</c>); the wire format is the same as <see cref="UtcTime"/>'s, written as Java's <c>Instant</c> prints it: <c>2017-09-04T19:00:00.123456789Z</c>.
/// Holds whole seconds since 1970-01-01T00:00:00 and a nanosecond part; years 1 to 9999.
/// </summary>
public readonly record struct TaiTime : IComparable<TaiTime>
{
    /// <summary>Creates an instant from seconds since the epoch and nanoseconds (0 to 999,999,999).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The nanoseconds or the year are out of range.</exception>
    public TaiTime(long epochSecond, int nanos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nanos);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nanos, 999_999_999);
        if (!InstantText.IsInRange(epochSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(epochSecond), epochSecond, "The instant must lie in the years 1 to 9999.");
        }
        EpochSecond = epochSecond;
        Nanos = nanos;
    }

    /// <summary>Whole seconds since 1970-01-01T00:00:00.</summary>
    public long EpochSecond { get; }

    /// <summary>Nanoseconds within the second, 0 to 999,999,999.</summary>
    public int Nanos { get; }

    /// <summary>The instant of <paramref name="time"/> (100 ns precision).</summary>
    public static TaiTime From(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTime.UnixEpoch.Ticks;
        return new(Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest) - (rest < 0 ? 1 : 0), (int)((rest + (rest < 0 ? TimeSpan.TicksPerSecond : 0)) * 100));
    }

    /// <summary>The instant as a <see cref="DateTimeOffset"/>, truncated to 100 ns.</summary>
    public DateTimeOffset ToDateTimeOffset() => new(DateTime.UnixEpoch.Ticks + EpochSecond * TimeSpan.TicksPerSecond + Nanos / 100, TimeSpan.Zero);

    /// <summary>Parses the wire form, e.g. <c>2017-09-04T19:00:00.123456789Z</c> (an offset instead of <c>Z</c> is accepted).</summary>
    /// <exception cref="FormatException">The text is not an ISO-8601 instant.</exception>
    public static TaiTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return InstantText.TryParse(bytes, out var seconds, out var nanos)
            ? new(seconds, nanos)
            : throw new FormatException($"Invalid instant '{text}': expected ISO-8601 such as '2017-09-04T19:00:00.123456789Z'.");
    }

    /// <summary>TAI - UTC in seconds, 37 since 2017 (CSW reads it from the host clock; this is its default).</summary>
    public const int UtcOffsetSeconds = 37;

    /// <summary>The current time on the TAI scale.</summary>
    public static TaiTime Now() => UtcTime.Now().ToTai();

    /// <summary>This instant on the UTC scale.</summary>
    public UtcTime ToUtc() => new(EpochSecond - UtcOffsetSeconds, Nanos);

    /// <summary>Orders instants in time.</summary>
    public int CompareTo(TaiTime other)
        => EpochSecond != other.EpochSecond ? EpochSecond.CompareTo(other.EpochSecond) : Nanos.CompareTo(other.Nanos);

    /// <summary>The wire form, e.g. <c>2017-09-04T19:00:00.123456789Z</c>.</summary>
    public override string ToString() => InstantText.Format(EpochSecond, Nanos);
}
