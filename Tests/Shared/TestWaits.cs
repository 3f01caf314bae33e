using System.Globalization;
using Xunit.Sdk;

namespace Csw.Tests.Shared;

/// <summary>
/// Waits for conditions in tests that have no actor system at hand (actor tests use Akka's TestKit:
/// <c>AwaitAssertAsync</c>, <c>WithinAsync</c>): retry until true or time is up, never a fixed sleep.
/// </summary>
internal static class TestWaits
{
    /// <summary>Runs <paramref name="assertion"/> until it stops throwing.</summary>
    public static Task AwaitAssertAsync(Action assertion, TimeSpan? max = null, TimeSpan? interval = null) =>
        AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, max, interval);

    /// <summary>Runs <paramref name="assertion"/> until it stops throwing.</summary>
    public static async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? max = null, TimeSpan? interval = null)
    {
        var wait = max ?? TestTime.DefaultTimeout;
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new XunitException($"The assertion did not pass within {wait.TotalMilliseconds:0} ms; its last failure: {e.Message}", e);
                }
                await Task.Delay(interval ?? TimeSpan.FromMilliseconds(10)).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>Test waits, scaled by the environment variable <c>CSW_TEST_TIME_FACTOR</c> (default 1), as the TestKit scales Akka's.</summary>
internal static class TestTime
{
    /// <summary>The factor, at least 1.</summary>
    public static double Factor { get; } = ReadFactor();

    /// <summary>How long an expectation waits by default: 5 s, scaled.</summary>
    public static TimeSpan DefaultTimeout => Scale(TimeSpan.FromSeconds(5));

    /// <summary>Stretches a duration by <see cref="Factor"/>.</summary>
    public static TimeSpan Scale(TimeSpan duration) => duration == Timeout.InfiniteTimeSpan ? duration : duration * Factor;

    private static double ReadFactor()
    {
        var text = Environment.GetEnvironmentVariable("CSW_TEST_TIME_FACTOR");
        return string.IsNullOrWhiteSpace(text) ? 1
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor >= 1 ? factor
            : throw new InvalidOperationException($"CSW_TEST_TIME_FACTOR must be a number of at least 1, not '{text}'.");
    }
}
