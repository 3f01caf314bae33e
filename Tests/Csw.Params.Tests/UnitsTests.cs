namespace Csw.Params.Tests;

public sealed class UnitsTests
{
    [Fact]
    public void All_CswsUnits_AreThereWithDistinctIdentifiers()
    {
        Assert.Equal(113, Units.All.Count);
        Assert.Equal(Units.All.Count, Units.All.Select(u => u.Identifier.ToUpperInvariant()).Distinct().Count());
    }

    [Theory]
    [InlineData("NoUnits")]
    [InlineData("meter")]
    [InlineData("utc")]
    [InlineData("encoder")]
    [InlineData("psi")]
    [InlineData("lpm")]
    public void Parse_Identifier_FindsUnitPrintedByIdentifier(string identifier)
    {
        Assert.Equal(identifier, Units.Parse(identifier).ToString());
    }

    [Fact]
    public void Parse_OtherCase_IsCaseInsensitive()
    {
        Assert.Same(Units.Meter, Units.Parse("METER"));
        Assert.Equal("m", Units.Meter.Name);
    }

    [Fact]
    public void Parse_UnknownIdentifier_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Units.Parse("furlong"));
    }

    [Theory]
    [InlineData("K", "Unknown units 'K'; did you mean kelvin (K)?")]
    [InlineData("Hz", "Unknown units 'Hz'; did you mean hertz (Hz)?")]
    [InlineData("µm", "Unknown units 'µm'; did you mean micron (µm) or micrometer (µm)?")]
    [InlineData("DEG", "Unknown units 'DEG'; did you mean degree (deg)?")]
    [InlineData("kelvn", "Unknown units 'kelvn'; did you mean kelvin (K)?")]
    [InlineData("furlong", "Unknown units 'furlong'.")]
    public void Parse_SymbolOrTypo_SuggestsTheIdentifier(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => Units.Parse(text)).Message);
    }
}
