namespace Csw.Params.Tests;

public sealed class UtcTimeTests
{
    [Theory]
    [InlineData("1970-01-01T00:00:00Z", 0L, 0)]
    [InlineData("2017-09-04T19:00:00.123456789Z", 1504551600L, 123456789)]
    [InlineData("2017-08-09T06:40:00.898Z", 1502260800L, 898000000)]
    [InlineData("2017-08-09T06:40:00.000001Z", 1502260800L, 1000)]
    [InlineData("1969-12-31T23:59:59.5Z", -1L, 500000000)]
    public void ToString_Instant_PrintsAsJavaInstant(string text, long seconds, int nanos)
    {
        var time = new UtcTime(seconds, nanos);

        Assert.Equal(text.Replace(".5Z", ".500Z", StringComparison.Ordinal), time.ToString());
        Assert.Equal(time, UtcTime.Parse(text));
    }

    [Theory]
    [InlineData("2017-09-04T21:00:00+02:00", "2017-09-04T19:00:00Z")]
    [InlineData("2017-09-04t19:00z", "2017-09-04T19:00:00Z")]
    [InlineData("2017-09-04T19:00:00.1Z", "2017-09-04T19:00:00.100Z")]
    public void Parse_OtherIsoForms_Normalizes(string text, string canonical)
    {
        Assert.Equal(canonical, UtcTime.Parse(text).ToString());
    }

    [Theory]
    [InlineData("2017-09-04")]
    [InlineData("2017-09-04T19:00:00")]
    [InlineData("2017-02-30T19:00:00Z")]
    [InlineData("2017-09-04T19:00:00.1234567891Z")]
    [InlineData("2017-09-04T25:00:00Z")]
    [InlineData("yesterday")]
    public void Parse_NotAnInstant_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => UtcTime.Parse(text));
    }

    [Fact]
    public void From_DateTimeOffset_KeepsTicksAndConvertsToTai()
    {
        var now = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567);
        var utc = UtcTime.From(now);

        Assert.Equal(now, utc.ToDateTimeOffset());
        Assert.Equal(123456700, utc.Nanos);
        Assert.Equal(utc, utc.ToTai().ToUtc());
        Assert.Equal(37, utc.ToTai().EpochSecond - utc.EpochSecond);
    }

    [Fact]
    public void CompareTo_Instants_OrdersByTime()
    {
        Assert.True(new TaiTime(1, 5).CompareTo(new TaiTime(1, 6)) < 0);
        Assert.True(new UtcTime(2, 0).CompareTo(new UtcTime(1, 999_999_999)) > 0);
    }
}
