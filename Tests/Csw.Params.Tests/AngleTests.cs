namespace Csw.Params.Tests;

public sealed class AngleTests
{
    [Fact]
    public void FromDegrees_OneDegree_IsThreeThousandSixHundredMillionMicroarcseconds()
    {
        Assert.Equal(3_600_000_000L, Angle.FromDegrees(1).Uas);
        Assert.Equal(1.0, Angle.FromDegrees(1).ToDegrees());
    }

    [Fact]
    public void Conversions_Units_AgreeWithDegrees()
    {
        Assert.Equal(Angle.FromDegrees(15), Angle.FromHours(1));
        Assert.Equal(Angle.FromDegrees(1), Angle.FromArcMinutes(60));
        Assert.Equal(Angle.FromArcSeconds(1), Angle.FromMilliArcSeconds(1000));
        Assert.Equal(Math.PI, Angle.FromRadians(Math.PI).ToRadians(), 9);
        Assert.Equal(Angle.FromDegrees(3), Angle.FromDegrees(1) + Angle.FromDegrees(2));
    }
}
