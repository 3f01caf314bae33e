using Csw.Framework;
using Csw.Params;
using Csw.TestKit;
using Examples.SampleHcd;

namespace Examples.Tests.SampleHcd;

/// <summary>The wheel tested the way the guide shows: through <see cref="ComponentTestKit"/>.</summary>
public sealed class FilterWheelComponentTests : ComponentTestKit
{
    [Fact]
    public async Task Move_WatchedThroughTheTestKit_ProbeSeesEachSlotThenCompleted()
    {
        var info = new ComponentInfo(Prefix.Parse("WFOS.blue.filter"), ComponentType.HCD);
        var wheel = await SpawnComponentAsync(info, context => new FilterWheelHcd(context, TimeSpan.FromMilliseconds(5)));

        var move = new Setup(Prefix.Parse("WFOS.test"), "move").Add(FilterWheelHcd.Target.Set(3));
        var completed = Assert.IsType<Completed>(await wheel.CommandService.SubmitAndWaitAsync(move));

        Assert.Equal(3, completed.Result.Get(FilterWheelHcd.Position).Head);
        await wheel.ExpectCurrentStateAsync(state => state.Get(FilterWheelHcd.Position).Head == 1);
        var two = await wheel.CurrentStates.ExpectMsgAsync<CurrentState>();
        var three = await wheel.CurrentStates.ExpectMsgAsync<CurrentState>();
        Assert.Equal([2, 3], [two.Get(FilterWheelHcd.Position).Head, three.Get(FilterWheelHcd.Position).Head]);
        Assert.False(three.Get(FilterWheelHcd.Moving).Head);
    }
}
