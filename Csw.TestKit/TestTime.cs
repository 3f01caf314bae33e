using System.Globalization;

namespace Csw.TestKit;

/// <summary>
/// Test waits, scaled by one factor read from the environment variable
/// <c>CSW_TEST_TIME_FACTOR</c> (default 1; e.g. 3 on a slow machine). Every TestKit default goes
/// through <see cref="Scale"/>, so one setting stretches them all.
/// </summary>
public static class TestTime
{
    /// <summary>The environment variable holding the factor.</summary>
    public const string FactorVariable = "CSW_TEST_TIME_FACTOR";

    /// <summary>The factor, at least 1.</summary>
    public static double Factor { get; } = ReadFactor();

    /// <summary>How long an expectation waits by default: 5 s, scaled. Generous, since a passing test never waits it out.</summary>
    public static TimeSpan DefaultTimeout => Scale(TimeSpan.FromSeconds(5));

    /// <summary>How long <c>ExpectNoMessageAsync</c> watches by default: 300 ms, scaled.</summary>
    public static TimeSpan DefaultNoMessageWait => Scale(TimeSpan.FromMilliseconds(300));

    /// <summary>Stretches a duration by <see cref="Factor"/>.</summary>
    /// <param name="duration">The unscaled duration.</param>
    public static TimeSpan Scale(TimeSpan duration) => duration == Timeout.InfiniteTimeSpan ? duration : duration * Factor;

    private static double ReadFactor()
    {
        var text = Environment.GetEnvironmentVariable(FactorVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor < 1)
        {
            throw new InvalidOperationException($"{FactorVariable} must be a number of at least 1, not '{text}'.");
        }
        return factor;
    }
}
