namespace Csw.Params.Tests;

public sealed class PrefixTests
{
    [Fact]
    public void Subsystem_AllValues_AreCswsThirtyFour()
    {
        Assert.Equal(34, Enum.GetValues<Subsystem>().Length);
        Assert.Contains(Subsystem.Container, Enum.GetValues<Subsystem>());
    }

    [Fact]
    public void Parse_EverySubsystem_RoundTrips()
    {
        foreach (var subsystem in Enum.GetValues<Subsystem>())
        {
            var prefix = Prefix.Parse($"{subsystem}.comp");
            Assert.Equal(subsystem, prefix.Subsystem);
            Assert.Equal($"{subsystem}.comp", prefix.ToString());
        }
    }

    [Fact]
    public void Parse_LowerCaseSubsystem_IsCaseInsensitiveAndPrintsCanonically()
    {
        var prefix = Prefix.Parse("wfos.blue.filter");

        Assert.Equal(Subsystem.WFOS, prefix.Subsystem);
        Assert.Equal("blue.filter", prefix.ComponentName);
        Assert.Equal("WFOS.blue.filter", prefix.ToString());
        Assert.Equal(Prefix.Parse("WFOS.blue.filter"), prefix);
    }

    [Fact]
    public void Parse_SeveralDots_SplitsOnTheFirst()
    {
        var prefix = Prefix.Parse("TCS.a.b.c");

        Assert.Equal(Subsystem.TCS, prefix.Subsystem);
        Assert.Equal("a.b.c", prefix.ComponentName);
    }

    [Theory]
    [InlineData("TCSfilter", "'.' separator")]
    [InlineData("XYZ.filter", "unknown subsystem 'XYZ'")]
    [InlineData(" TCS.filter", "unknown subsystem ' TCS'")]
    [InlineData("TCS. filter", "leading or trailing whitespace")]
    [InlineData("TCS.filter ", "leading or trailing whitespace")]
    [InlineData("TCS.filter-wheel", "contains '-'")]
    public void Parse_InvalidPrefix_ThrowsFormatExceptionSayingWhy(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Prefix.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Prefix.TryParse(text, out _));
    }

    [Fact]
    public void Parse_MisspeltSubsystem_SuggestsTheNearest()
    {
        var error = Assert.Throws<FormatException>(() => Prefix.Parse("WFSO.blue.filter"));
        Assert.Equal("Invalid prefix 'WFSO.blue.filter': unknown subsystem 'WFSO'; did you mean WFOS?", error.Message);
    }

    [Fact]
    public void Parse_NoSubsystemClose_ListsTheSubsystems()
    {
        var error = Assert.Throws<FormatException>(() => Prefix.Parse("temp.controller"));
        Assert.StartsWith("Invalid prefix 'temp.controller': unknown subsystem 'temp' (subsystems: AOESW, APS, CIS,", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(", WFOS, Container).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HyphenInName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new Prefix(Subsystem.TCS, "a-b"));
    }

    [Fact]
    public void ComponentId_ToString_NamesPrefixAndType()
    {
        var id = new ComponentId(Prefix.Parse("TCS.filter"), ComponentType.HCD);

        Assert.Equal("TCS.filter-HCD", id.ToString());
        Assert.Equal(new ComponentId(Prefix.Parse("tcs.filter"), ComponentType.HCD), id);
    }
}
