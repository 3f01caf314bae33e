using Csw.Params;

namespace Csw.Location.Tests;

public sealed class MetadataTests
{
    [Fact]
    public void Add_NewKey_LeavesTheOriginalUnchanged()
    {
        var one = Metadata.Empty.Add("key1", "value");
        var two = one.Add("key2", "other");

        Assert.Single(one);
        Assert.Equal(2, two.Count);
        Assert.Equal("other", two.Get("key2"));
        Assert.Null(one.Get("key2"));
    }

    [Fact]
    public void Add_ExistingKey_ReplacesTheValue()
    {
        Assert.Equal("2", Metadata.Empty.Add("k", "1").Add("k", "2")["k"]);
    }

    [Fact]
    public void WellKnownKeys_Set_ReadBackTyped()
    {
        var metadata = Metadata.Empty.WithPid(1234).WithAgentPrefix(Prefix.Parse("ESW.agent")).WithCswVersion("6.0.0").WithSequenceComponentPrefix(Prefix.Parse("ESW.primary"));

        Assert.Equal(1234, metadata.Pid);
        Assert.Equal(Prefix.Parse("ESW.agent"), metadata.AgentPrefix);
        Assert.Equal("6.0.0", metadata.CswVersion);
        Assert.Equal(Prefix.Parse("ESW.primary"), metadata.SequenceComponentPrefix);
        Assert.Equal("1234", metadata.Get("PID"));
    }

    [Fact]
    public void WellKnownKeys_Absent_Null()
    {
        Assert.Null(Metadata.Empty.Pid);
        Assert.Null(Metadata.Empty.AgentPrefix);
        Assert.Null(Metadata.Empty.Add("PID", "not a number").Pid);
    }

    [Fact]
    public void Equals_SamePairsInAnotherOrder_True()
    {
        var one = new Metadata([new("a", "1"), new("b", "2")]);
        var two = new Metadata([new("b", "2"), new("a", "1")]);

        Assert.Equal(one, two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
        Assert.NotEqual(one, two.Add("a", "3"));
    }
}
