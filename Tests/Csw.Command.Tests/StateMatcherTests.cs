using Csw.Params;

namespace Csw.Command.Tests;

public sealed class StateMatcherTests
{
    private static readonly Prefix Wheel = Prefix.Parse("WFOS.blue.filter");
    private static readonly Key<int> Position = Keys.Int("position");
    private static readonly Key<string> Mode = Keys.String("mode");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    private static CurrentState State(string name, params Parameter[] parameters) => new CurrentState(Wheel, name).Add(parameters);

    [Fact]
    public void DemandMatcher_SubsetWithSameValues_Matches()
    {
        var matcher = new DemandMatcher(new DemandState(Wheel, "wheel").Add(Position.Set(3)), withUnits: false, Wait);
        Assert.True(matcher.Check(State("wheel", Position.Set(3), Mode.Set("idle"))));
        Assert.False(matcher.Check(State("wheel", Position.Set(4))));
        Assert.False(matcher.Check(State("wheel", Mode.Set("idle"))));
    }

    [Fact]
    public void DemandMatcher_OtherNameOrPrefix_NeverMatches()
    {
        var matcher = new DemandMatcher(new DemandState(Wheel, "wheel").Add(Position.Set(3)), withUnits: false, Wait);
        Assert.False(matcher.Check(State("other", Position.Set(3))));
        Assert.False(matcher.Check(new CurrentState(Prefix.Parse("WFOS.red.filter"), "wheel").Add(Position.Set(3))));
    }

    [Fact]
    public void DemandMatcher_WithUnits_UnitsMustMatch()
    {
        var demand = new DemandState(Wheel, "wheel").Add(Position.Set(3).WithUnits(Units.Meter));
        Assert.True(new DemandMatcher(demand, withUnits: false, Wait).Check(State("wheel", Position.Set(3))));
        Assert.False(new DemandMatcher(demand, withUnits: true, Wait).Check(State("wheel", Position.Set(3))));
        Assert.True(new DemandMatcher(demand, withUnits: true, Wait).Check(State("wheel", Position.Set(3).WithUnits(Units.Meter))));
    }

    [Fact]
    public void DemandMatcherAll_ExtraParameter_DoesNotMatch()
    {
        var matcher = new DemandMatcherAll(new DemandState(Wheel, "wheel").Add(Position.Set(3)), Wait);
        Assert.True(matcher.Check(State("wheel", Position.Set(3))));
        Assert.False(matcher.Check(State("wheel", Position.Set(3), Mode.Set("idle"))));
    }

    [Fact]
    public void DemandMatcherAll_SameParametersInAnotherOrder_Matches()
    {
        var matcher = new DemandMatcherAll(new DemandState(Wheel, "wheel").Add(Position.Set(3), Mode.Set("idle")), Wait);
        Assert.True(matcher.Check(State("wheel", Mode.Set("idle"), Position.Set(3))));
        Assert.False(matcher.Check(State("wheel", Mode.Set("idle"), Position.Set(3).WithUnits(Units.Meter))));
    }

    [Fact]
    public void PresenceMatcher_AnyStateOfThatName_Matches()
    {
        var matcher = new PresenceMatcher(Wheel, "wheel", Wait);
        Assert.True(matcher.Check(State("wheel")));
        Assert.False(matcher.Check(State("other")));
    }

    [Fact]
    public void Matcher_NonPositiveTimeout_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PresenceMatcher(Wheel, "wheel", TimeSpan.Zero));
}
