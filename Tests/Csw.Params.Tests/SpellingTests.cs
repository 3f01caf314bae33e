namespace Csw.Params.Tests;

public sealed class SpellingTests
{
    [Theory]
    [InlineData("kelvin", "kelvin", 0)]
    [InlineData("Kelvin", "kelvin", 0)]
    [InlineData("kelvn", "kelvin", 1)]
    [InlineData("kevlin", "kelvin", 1)]
    [InlineData("TSC", "TCS", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("meter", "second", 5)]
    public void Distance_TwoNames_EditsIgnoringCase(string a, string b, int distance)
    {
        Assert.Equal(distance, Spelling.Distance(a, b));
        Assert.Equal(distance, Spelling.Distance(b, a));
    }

    [Fact]
    public void Nearest_Typo_ClosestFirst()
    {
        Assert.Equal(["WFOS.blue.filter", "WFOS.red.filter"], Spelling.Nearest("WFOS.blue.filtr", ["WFOS.red.filter", "TCS.mount", "WFOS.blue.filter"]));
    }

    [Fact]
    public void Nearest_ShortName_OneEditAtMost()
    {
        Assert.Equal(["TCS"], Spelling.Nearest("TSC", ["TCS", "WFOS", "CSW", "APS"]));
    }

    [Fact]
    public void Nearest_NothingClose_Empty()
    {
        Assert.Empty(Spelling.Nearest("temp", Enum.GetNames<Subsystem>()));
    }

    [Fact]
    public void Nearest_Max_Respected()
    {
        Assert.Equal(2, Spelling.Nearest("ab", ["aa", "ab", "ac", "ad"], max: 2).Count);
    }
}
