namespace Csw.Params.Tests;

public sealed class ParamSetTests
{
    private static readonly Prefix Prefix = Prefix.Parse("WFOS.blue.filter");
    private static readonly Key<int> Repeat = Keys.Int("repeat");
    private static readonly Key<string> ExpTime = Keys.String("expTime");

    [Fact]
    public void Get_AfterAdd_ReturnsTypedParameterWithoutCasts()
    {
        var setup = new Setup(Prefix, "move", ObsId.Parse("2020A-001-123")).Add(Repeat.Set(22));

        int n = setup.Get(Repeat).Head;

        Assert.Equal(22, n);
    }

    [Fact]
    public void Add_SameKeyName_ReplacesAndLeavesOriginalUnchanged()
    {
        var first = new Setup(Prefix, "move").Add(Repeat.Set(1));

        var second = first.Add(Repeat.Set(2));

        Assert.Equal(1, first.Get(Repeat).Head);
        Assert.Equal(2, second.Get(Repeat).Head);
        Assert.Single(second.ParamSet);
    }

    [Fact]
    public void Add_SameNameOtherType_ReplacesByName()
    {
        var setup = new Setup(Prefix, "move").Add(Repeat.Set(1)).Add(Keys.String("repeat").Set("x"));

        Assert.False(setup.Exists(Repeat));
        Assert.True(setup.ParamSet.Contains("repeat"));
        var error = Assert.Throws<KeyNotFoundException>(() => setup.Get(Repeat));
        Assert.Contains("StringKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_MissingKey_ThrowsKeyNotFoundAndTryGetIsFalse()
    {
        var setup = new Setup(Prefix, "move");

        Assert.Throws<KeyNotFoundException>(() => setup.Get(Repeat));
        Assert.False(setup.TryGet(Repeat, out _));
        Assert.False(setup.Exists(Repeat));
    }

    [Fact]
    public void Remove_Key_RemovesOnlyThatParameter()
    {
        var setup = new Setup(Prefix, "move").Add(Repeat.Set(1), ExpTime.Set("10"));

        var removed = setup.Remove(Repeat);

        Assert.False(removed.Exists(Repeat));
        Assert.True(removed.Exists(ExpTime));
        Assert.True(setup.Exists(Repeat));
        Assert.Same(removed, removed.Remove(Repeat));
    }

    [Fact]
    public void MissingKeys_SomeAbsent_NamesThem()
    {
        var setup = new Setup(Prefix, "move").Add(Repeat.Set(1));

        var missing = setup.MissingKeys(Repeat, ExpTime, Keys.Double("ra"));

        Assert.Equal(["expTime", "ra"], missing.Order());
    }

    [Fact]
    public void Equals_SameParametersInOtherOrder_IsEqual()
    {
        var a = new Observe(Prefix, "move").Add(Repeat.Set(1), ExpTime.Set("10"));
        var b = new Observe(Prefix, "move").Add(ExpTime.Set("10"), Repeat.Set(1));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.Add(Repeat.Set(2)));
    }

    [Fact]
    public void Add_OnEveryParameterSetType_KeepsItsType()
    {
        var p = Repeat.Set(3);

        Setup setup = new Setup(Prefix, "a").Add(p);
        Observe observe = new Observe(Prefix, "a").Add(p);
        Wait wait = new Wait(Prefix, "a").Add(p);
        CurrentState current = new CurrentState(Prefix, "s").Add(p);
        DemandState demand = new DemandState(Prefix, "s").Add(p);
        Result result = Result.Empty.Add(p);

        IParameterSet[] all = [setup, observe, wait, current, demand, result];
        Assert.All(all, s => Assert.Equal(3, s.Get(Repeat).Head));
        Assert.True(result.NonEmpty);
        Assert.False(Result.Empty.NonEmpty);
    }

    [Fact]
    public void Of_RepeatedName_KeepsTheLast()
    {
        var set = ParamSet.Of(Repeat.Set(1), Repeat.Set(2));

        Assert.Equal(2, set.Get(Repeat).Head);
        Assert.Single(set);
    }
}
