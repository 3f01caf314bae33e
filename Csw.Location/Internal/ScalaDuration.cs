using System.Globalization;

namespace Csw.Location.Internal;

/// <summary>
/// Durations as CSW writes them (Scala's <c>FiniteDuration.toString</c>): a whole number and a unit,
/// <c>"23 seconds"</c>, <c>"1 second"</c>, <c>"500 milliseconds"</c>.
/// </summary>
internal static class ScalaDuration
{
    /// <summary>Scala's units, largest first: the name it writes, the names it reads, the length of one.</summary>
    private static readonly (string Name, string[] Aliases, long Nanoseconds)[] Units =
    [
        ("day", ["d", "day", "days"], 86_400_000_000_000),
        ("hour", ["h", "hr", "hrs", "hour", "hours"], 3_600_000_000_000),
        ("minute", ["m", "min", "mins", "minute", "minutes"], 60_000_000_000),
        ("second", ["s", "sec", "secs", "second", "seconds"], 1_000_000_000),
        ("millisecond", ["ms", "milli", "millis", "millisecond", "milliseconds"], 1_000_000),
        ("microsecond", ["µs", "micro", "micros", "microsecond", "microseconds"], 1_000),
        ("nanosecond", ["ns", "nano", "nanos", "nanosecond", "nanoseconds"], 1),
    ];

    /// <summary>In the largest unit that holds the duration exactly.</summary>
    public static string Format(TimeSpan duration)
    {
        var nanoseconds = duration.Ticks * 100;
        foreach (var (name, _, length) in Units)
        {
            if (nanoseconds % length == 0)
            {
                var count = nanoseconds / length;
                return string.Create(CultureInfo.InvariantCulture, $"{count} {name}{(count == 1 ? "" : "s")}");
            }
        }
        throw new InvalidOperationException("unreachable: every duration is a whole number of nanoseconds");
    }

    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = default;
        var parts = text.Split(' ');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            error = $"'{text}' is not a duration such as '5 seconds'";
            return false;
        }
        foreach (var (_, aliases, length) in Units)
        {
            if (aliases.Contains(parts[1], StringComparer.Ordinal))
            {
                var ticks = (Int128)count * length / 100;
                if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
                {
                    error = $"the duration '{text}' is too long";
                    return false;
                }
                duration = TimeSpan.FromTicks((long)ticks);
                error = "";
                return true;
            }
        }
        error = $"unknown time unit '{parts[1]}' in '{text}'";
        return false;
    }
}
