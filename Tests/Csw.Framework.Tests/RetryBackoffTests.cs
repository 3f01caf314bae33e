namespace Csw.Framework.Tests;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Shortest_Default_DoublesFromOneSecondUpToThirty()
    {
        var waits = Enumerable.Range(1, 7).Select(retry => RetryBackoff.Default.Shortest(retry).TotalSeconds);
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], waits);
    }

    [Fact]
    public void Shortest_ManyRetries_StaysAtTheMaximum() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryBackoff.Default.Shortest(10_000));

    [Fact]
    public void Longest_Default_TwentyPercentMore() =>
        Assert.Equal(TimeSpan.FromMilliseconds(2400), RetryBackoff.Default.Longest(2));

    [Fact]
    public void Next_Drawn_BetweenShortestAndLongest()
    {
        for (var i = 0; i < 100; i++)
        {
            var wait = RetryBackoff.Default.Next(3);
            Assert.InRange(wait, RetryBackoff.Default.Shortest(3), RetryBackoff.Default.Longest(3));
        }
    }

    [Fact]
    public void None_EveryRetry_NoWait() =>
        Assert.Equal(TimeSpan.Zero, RetryBackoff.None.Next(5));

    [Fact]
    public void Init_NegativeOrOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBackoff { Min = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBackoff { Max = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBackoff { RandomFactor = 1.5 });
    }
}
