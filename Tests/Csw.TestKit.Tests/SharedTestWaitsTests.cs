using System.Globalization;
using Csw.Tests.Shared;
using Xunit.Sdk;

namespace Csw.TestKit.Tests;

/// <summary>The waits of <c>Tests/Shared</c>, used by the test projects that have no actor system (location, CLI).</summary>
public sealed class SharedTestWaitsTests
{
    [Fact]
    public async Task AwaitAssertAsync_BecomesTrue_Passes()
    {
        var count = 0;
        var counting = Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                Interlocked.Increment(ref count);
            }
        });
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(100, Volatile.Read(ref count)));
        await counting;
    }

    [Fact]
    public async Task AwaitAssertAsync_AsyncAssertionBecomesTrue_Passes()
    {
        var tries = 0;
        await TestWaits.AwaitAssertAsync(async () =>
        {
            await Task.Yield();
            Assert.True(++tries >= 3);
        });
        Assert.Equal(3, tries);
    }

    [Fact]
    public async Task AwaitAssertAsync_NeverTrue_ThrowsWithLastFailure()
    {
        var tries = 0;
        var e = await Assert.ThrowsAsync<XunitException>(() => TestWaits.AwaitAssertAsync(
            () => throw new InvalidOperationException($"try {++tries}"),
            TimeSpan.FromMilliseconds(50)));
        Assert.True(tries > 1, $"tried {tries} times");
        var last = Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Equal($"try {tries}", last.Message);
        Assert.Contains("50 ms", e.Message, StringComparison.Ordinal);
        Assert.Contains($"try {tries}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_MatchesEnvironmentVariableOrOne()
    {
        var text = Environment.GetEnvironmentVariable("CSW_TEST_TIME_FACTOR");
        var expected = string.IsNullOrWhiteSpace(text) ? 1 : double.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(expected, TestTime.Factor);
    }

    [Fact]
    public void Scale_Duration_MultipliedByFactor() =>
        Assert.Equal(TimeSpan.FromMilliseconds(200 * TestTime.Factor), TestTime.Scale(TimeSpan.FromMilliseconds(200)));

    [Fact]
    public void Scale_Infinite_StaysInfinite() =>
        Assert.Equal(Timeout.InfiniteTimeSpan, TestTime.Scale(Timeout.InfiniteTimeSpan));

    [Fact]
    public void DefaultTimeout_FiveSecondsScaled() =>
        Assert.Equal(TestTime.Scale(TimeSpan.FromSeconds(5)), TestTime.DefaultTimeout);
}
