namespace Csw.Framework.Tests;

public sealed class ComponentOptionsTests
{
    [Fact]
    public void LongestStart_Defaults_FourTimeoutsAndThreeLongestWaits() =>
        Assert.Equal(TimeSpan.FromSeconds(4 * 10) + TimeSpan.FromMilliseconds(1200 + 2400 + 4800), ComponentOptions.Default.LongestStart(TimeSpan.FromSeconds(10)));

    [Fact]
    public void MaxInitializeRestarts_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ComponentOptions.Default with { MaxInitializeRestarts = -1 });
}
