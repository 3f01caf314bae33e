using System.Globalization;

namespace Csw.TestKit.Tests;

public sealed class TestTimeTests
{
    [Fact]
    public void Factor_MatchesEnvironmentVariableOrOne()
    {
        var text = Environment.GetEnvironmentVariable(TestTime.FactorVariable);
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
    public void Defaults_Scaled()
    {
        Assert.Equal(TestTime.Scale(TimeSpan.FromSeconds(5)), TestTime.DefaultTimeout);
        Assert.Equal(TestTime.Scale(TimeSpan.FromMilliseconds(300)), TestTime.DefaultNoMessageWait);
        Assert.True(TestTime.Factor >= 1);
    }
}
