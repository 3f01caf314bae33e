using Csw.Command;
using Csw.Params;
using Csw.TestKit;
using Examples.AsyncCommandPattern;
using Examples.SampleHcd;

namespace Examples.Tests.AsyncCommandPattern;

public sealed class FilterReconcilerTests : ActorTestKit
{
    [Fact]
    public async Task Reconcile_DesiredSlotChanges_ProcessingThenSettledAtDesired()
    {
        var wheel = CommandServiceFactory.Make(SampleSystem.StartWheel(System, SampleSystem.BluePrefix, TimeSpan.FromMilliseconds(5)));
        var store = new CommandResultStore();
        var reconciler = new FilterReconciler(wheel, store);
        var resource = new FilterResource("blue", desiredSlot: 3);

        Assert.False(await reconciler.ReconcileAsync(resource));
        Assert.NotNull(resource.Processing);
        await TestWaits.AwaitAssertAsync(async () => Assert.True(await reconciler.ReconcileAsync(resource)));
        Assert.Equal(3, resource.ObservedSlot);
        Assert.Null(resource.Processing);
        Assert.Null(resource.LastError);
    }

    [Fact]
    public async Task Reconcile_MoveRejected_SettledWithError()
    {
        var wheel = CommandServiceFactory.Make(SampleSystem.StartWheel(System, SampleSystem.BluePrefix, TimeSpan.FromMilliseconds(5)));
        var reconciler = new FilterReconciler(wheel, new CommandResultStore());
        var resource = new FilterResource("blue", desiredSlot: 42);
        Assert.False(await reconciler.ReconcileAsync(resource));
        Assert.True(await reconciler.ReconcileAsync(resource));
        Assert.Contains("target must be 0..7", resource.LastError);
    }
}
