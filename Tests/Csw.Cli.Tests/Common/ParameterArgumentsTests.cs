using Csw.Cli.Common;
using Csw.Params;

namespace Csw.Cli.Tests.Common;

public sealed class ParameterArgumentsTests
{
    [Fact]
    public void Parse_WithUnits_ParameterCarriesThem()
    {
        var parameter = ParameterArguments.Parse("temperature:double[kelvin]=300");
        Assert.Equal("temperature", parameter.KeyName);
        Assert.Same(Units.Kelvin, parameter.Units);
    }

    [Fact]
    public void Parse_UnitSymbol_SuggestsTheIdentifier()
    {
        var error = Assert.Throws<FormatException>(() => ParameterArguments.Parse("temperature:double[K]=300"));
        Assert.Equal("'temperature:double[K]=300': Unknown units 'K'; did you mean kelvin (K)?", error.Message);
    }

    [Fact]
    public void Parse_UnknownUnitsNothingClose_SaysWhatUnitsAre()
    {
        var error = Assert.Throws<FormatException>(() => ParameterArguments.Parse("length:int[furlong]=3"));
        Assert.Equal("'length:int[furlong]=3': Unknown units 'furlong'. Units are CSW's identifiers, e.g. meter, second, degree, kelvin.", error.Message);
    }

    [Fact]
    public void Parse_MisspeltType_SuggestsTheNearest()
    {
        var error = Assert.Throws<FormatException>(() => ParameterArguments.Parse("target:itn=3"));
        Assert.Equal("'itn' in 'target:itn=3' is not a parameter type; did you mean int?", error.Message);
    }

    [Fact]
    public void Parse_UnknownTypeNothingClose_ListsTheTypes()
    {
        var error = Assert.Throws<FormatException>(() => ParameterArguments.Parse("target:matrix=3"));
        Assert.Equal($"'matrix' in 'target:matrix=3' is not a parameter type ({ParameterArguments.Types}).", error.Message);
    }
}
