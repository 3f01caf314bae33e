using System.Buffers.Text;

namespace Csw.Params.Internal;

/// <summary>
/// Reads and writes instants as Java's <c>Instant.toString</c>/<c>Instant.parse</c> do (ISO-8601 in UTC,
/// e.g. <c>2017-09-04T19:00:00.123456789Z</c>): the fraction is omitted when zero, else printed with 3, 6
/// or 9 digits. Supports years 1 to 9999.
/// </summary>
internal static class InstantText
{
    public const int MaxLength = 30;
    // Whole seconds only, in integers: TimeSpan.TotalSeconds is a double and would round far from 1970.
    private static readonly long MinSeconds = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
    private static readonly long MaxSeconds = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    public static bool IsInRange(long seconds) => seconds >= MinSeconds && seconds <= MaxSeconds;

    /// <summary>Writes the instant into <paramref name="buffer"/> (at least <see cref="MaxLength"/> bytes).</summary>
    public static int Format(long seconds, int nanos, Span<byte> buffer)
    {
        var time = new DateTime(DateTime.UnixEpoch.Ticks + seconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var n = 0;
        Digits(time.Year, 4, buffer, ref n);
        buffer[n++] = (byte)'-';
        Digits(time.Month, 2, buffer, ref n);
        buffer[n++] = (byte)'-';
        Digits(time.Day, 2, buffer, ref n);
        buffer[n++] = (byte)'T';
        Digits(time.Hour, 2, buffer, ref n);
        buffer[n++] = (byte)':';
        Digits(time.Minute, 2, buffer, ref n);
        buffer[n++] = (byte)':';
        Digits(time.Second, 2, buffer, ref n);
        if (nanos != 0)
        {
            buffer[n++] = (byte)'.';
            if (nanos % 1_000_000 == 0)
            {
                Digits(nanos / 1_000_000, 3, buffer, ref n);
            }
            else if (nanos % 1000 == 0)
            {
                Digits(nanos / 1000, 6, buffer, ref n);
            }
            else
            {
                Digits(nanos, 9, buffer, ref n);
            }
        }
        buffer[n++] = (byte)'Z';
        return n;
    }

    public static string Format(long seconds, int nanos)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return System.Text.Encoding.ASCII.GetString(buffer[..Format(seconds, nanos, buffer)]);
    }

    /// <summary>
    /// Parses <c>yyyy-MM-ddTHH:mm[:ss[.f{1,9}]]</c> followed by <c>Z</c> or an offset <c>±HH:mm[:ss]</c>,
    /// case-insensitively, as <c>Instant.parse</c> accepts it.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out long seconds, out int nanos)
    {
        seconds = 0;
        nanos = 0;
        var p = 0;
        if (!Number(s, ref p, 4, out var year) || !Expect(s, ref p, '-') || !Number(s, ref p, 2, out var month)
            || !Expect(s, ref p, '-') || !Number(s, ref p, 2, out var day)
            || !ExpectT(s, ref p) || !Number(s, ref p, 2, out var hour)
            || !Expect(s, ref p, ':') || !Number(s, ref p, 2, out var minute))
        {
            return false;
        }
        var second = 0;
        if (p < s.Length && s[p] == ':')
        {
            p++;
            if (!Number(s, ref p, 2, out second))
            {
                return false;
            }
            if (p < s.Length && s[p] == '.')
            {
                p++;
                var digits = 0;
                while (p < s.Length && char.IsAsciiDigit((char)s[p]) && digits < 9)
                {
                    nanos = nanos * 10 + (s[p++] - '0');
                    digits++;
                }
                if (digits == 0 || (p < s.Length && char.IsAsciiDigit((char)s[p])))
                {
                    return false;
                }
                for (; digits < 9; digits++)
                {
                    nanos *= 10;
                }
            }
        }
        if (!TryOffset(s, ref p, out var offsetSeconds) || p != s.Length)
        {
            return false;
        }
        // Java maps the leap second 23:59:60 to 23:59:59 when parsing.
        if (second == 60 && hour == 23 && minute == 59)
        {
            second = 59;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        seconds = (local.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond - offsetSeconds;
        return IsInRange(seconds);
    }

    private static bool TryOffset(ReadOnlySpan<byte> s, ref int p, out int offsetSeconds)
    {
        offsetSeconds = 0;
        if (p >= s.Length)
        {
            return false;
        }
        if ((s[p] | 0x20) == 'z')
        {
            p++;
            return true;
        }
        if (s[p] is not ((byte)'+' or (byte)'-'))
        {
            return false;
        }
        var sign = s[p++] == '-' ? -1 : 1;
        if (!Number(s, ref p, 2, out var hours) || !Expect(s, ref p, ':') || !Number(s, ref p, 2, out var minutes))
        {
            return false;
        }
        var secs = 0;
        if (p < s.Length && s[p] == ':')
        {
            p++;
            if (!Number(s, ref p, 2, out secs))
            {
                return false;
            }
        }
        offsetSeconds = sign * (hours * 3600 + minutes * 60 + secs);
        return hours <= 18 && minutes <= 59 && secs <= 59;
    }

    private static bool Number(ReadOnlySpan<byte> s, ref int p, int length, out int value)
    {
        value = 0;
        if (p + length > s.Length || !Utf8Parser.TryParse(s.Slice(p, length), out value, out var consumed) || consumed != length
            || !char.IsAsciiDigit((char)s[p]))
        {
            return false;
        }
        p += length;
        return true;
    }

    private static bool Expect(ReadOnlySpan<byte> s, ref int p, char c)
    {
        if (p < s.Length && s[p] == c)
        {
            p++;
            return true;
        }
        return false;
    }

    private static bool ExpectT(ReadOnlySpan<byte> s, ref int p)
    {
        if (p < s.Length && (s[p] | 0x20) == 't')
        {
            p++;
            return true;
        }
        return false;
    }

    private static void Digits(int value, int width, Span<byte> buffer, ref int n)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            buffer[n + i] = (byte)('0' + value % 10);
            value /= 10;
        }
        n += width;
    }
}
