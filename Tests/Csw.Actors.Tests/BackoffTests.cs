namespace Csw.Actors.Tests;

public sealed class BackoffTests
{
    [Fact]
    public void Delay_NoRandomness_DoublesUpToMax()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), randomFactor: 0);
        Assert.Equal(
            [100, 200, 400, 800, 1000, 1000],
            Enumerable.Range(0, 6).Select(i => backoff.Delay(i).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), backoff.Delay(int.MaxValue));
    }

    [Fact]
    public void Delay_WithRandomFactor_StretchedWithinFactor()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), randomFactor: 0.5);
        Assert.All(Enumerable.Range(0, 200).Select(_ => backoff.Delay(1)), d =>
            Assert.InRange(d, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)));
    }

    [Theory]
    [InlineData(0, 100, 0.2)]
    [InlineData(-1, 100, 0.2)]
    [InlineData(100, 50, 0.2)]
    [InlineData(100, 200, -0.1)]
    [InlineData(100, 200, 1.1)]
    public void Constructor_InvalidArguments_Throws(int minMs, int maxMs, double randomFactor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Backoff(TimeSpan.FromMilliseconds(minMs), TimeSpan.FromMilliseconds(maxMs), randomFactor));

    [Theory]
    [InlineData(-1, 1000)]
    [InlineData(1, 0)]
    public void Restart_InvalidArguments_Throws(int maxRestarts, int withinMs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SupervisorStrategy.Restart(maxRestarts, TimeSpan.FromMilliseconds(withinMs)));
}
