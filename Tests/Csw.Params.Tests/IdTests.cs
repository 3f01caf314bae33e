namespace Csw.Params.Tests;

public sealed class IdTests
{
    [Fact]
    public void Constructor_NoArgument_MakesDistinctUuids()
    {
        var a = new Id();
        var b = new Id();

        Assert.NotEqual(a, b);
        Assert.True(Guid.TryParse(a.Value, out _));
    }

    [Fact]
    public void Constructor_Text_KeepsTextAndComparesByValue()
    {
        Assert.Equal(new Id("run-1"), new Id("run-1"));
        Assert.Equal("run-1", new Id("run-1").ToString());
    }

    [Fact]
    public void Names_ImplicitFromString_KeepText()
    {
        CommandName command = "move";
        StateName state = "idle";

        Assert.Equal("move", command.Name);
        Assert.Equal("idle", state.ToString());
        Assert.Equal("", default(CommandName).Name);
    }
}
