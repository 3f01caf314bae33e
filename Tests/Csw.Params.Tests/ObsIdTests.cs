namespace Csw.Params.Tests;

public sealed class ObsIdTests
{
    [Fact]
    public void Parse_CswSample_ReadsEveryPart()
    {
        var obsId = ObsId.Parse("2020A-001-123");

        Assert.Equal(2020, obsId.Year);
        Assert.Equal(Semester.A, obsId.Semester);
        Assert.Equal(1, obsId.ProgramNumber);
        Assert.Equal(123, obsId.ObservationNumber);
        Assert.Equal("2020A-001", obsId.ProgramId);
        Assert.Equal("2020A-001-123", obsId.ToString());
    }

    [Fact]
    public void Parse_LowerCaseSemesterAndShortNumbers_PrintsCanonically()
    {
        Assert.Equal("2021B-005-007", ObsId.Parse("2021b-5-7").ToString());
    }

    [Theory]
    [InlineData("2020A-001")]
    [InlineData("2020A-001-123-4")]
    [InlineData("2020C-001-123")]
    [InlineData("20x0A-001-123")]
    [InlineData("A-001-123")]
    [InlineData("2020A-000-123")]
    [InlineData("2020A-1000-123")]
    [InlineData("2020A-001-0")]
    [InlineData("2020A-001-1000")]
    [InlineData("2020A-001-+12")]
    [InlineData("")]
    public void Parse_InvalidObsId_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => ObsId.Parse(text));
        Assert.False(ObsId.TryParse(text, out _));
    }

    [Fact]
    public void Constructor_ObservationNumberOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ObsId(2020, Semester.A, 1, 1000));
    }
}
