using Csw.Command;
using Csw.Params;
using Csw.TestKit;
using Examples.AsyncCommandPattern;
using Examples.SampleHcd;

namespace Examples.Tests.AsyncCommandPattern;

public sealed class FilterReconcilerTests : ComponentTestKit
{
    [Fact]
    public async Task Reconcile_DesiredSlotChanges_ProcessingThenSettledAtDesired()
    {
        var wheel = CommandServiceFactory.Make(SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, TimeSpan.FromMilliseconds(5)));
        var store = new CommandResultStore();
        var reconciler = new FilterReconciler(wheel, store);
        var resource = new FilterResource("blue", desiredSlot: 3);

        Assert.False(await reconciler.ReconcileAsync(resource));
        Assert.NotNull(resource.Processing);
        await AwaitAssertAsync(async () => Assert.True(await reconciler.ReconcileAsync(resource)));
        Assert.Equal(3, resource.ObservedSlot);
        Assert.Null(resource.Processing);
        Assert.Null(resource.LastError);
    }

    [Fact]
    public async Task Reconcile_MoveRejected_DoneWithError()
    {
        var wheel = CommandServiceFactory.Make(SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, TimeSpan.FromMilliseconds(5)));
        var reconciler = new FilterReconciler(wheel, new CommandResultStore());
        var resource = new FilterResource("blue", desiredSlot: 42);
        Assert.False(await reconciler.ReconcileAsync(resource));
        Assert.True(await reconciler.ReconcileAsync(resource));
        Assert.Contains("target must be 0..7", resource.LastError);
        Assert.Null(resource.Processing);
    }

    [Fact]
    public async Task Reconcile_MoveStoppedAfterStarted_DoneWithCancelled()
    {
        var wheel = CommandServiceFactory.Make(SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, TimeSpan.FromSeconds(30)));
        var reconciler = new FilterReconciler(wheel, new CommandResultStore());
        var resource = new FilterResource("blue", desiredSlot: 6);
        Assert.False(await reconciler.ReconcileAsync(resource));
        Assert.False(await reconciler.ReconcileAsync(resource)); // still processing: the pass returns at once
        await wheel.SubmitAsync(new Setup(Prefix.Parse("WFOS.operator"), "stop"));
        await AwaitAssertAsync(async () => Assert.True(await reconciler.ReconcileAsync(resource)));
        Assert.Contains("Cancelled", resource.LastError);
        Assert.Null(resource.ObservedSlot);
    }

    [Fact]
    public async Task Reconcile_ResultForgottenByTheStore_SubmitsAgainAndSettles()
    {
        var wheel = CommandServiceFactory.Make(SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, TimeSpan.FromMilliseconds(5)));
        var store = new CommandResultStore(capacity: 1);
        var reconciler = new FilterReconciler(wheel, store);
        var resource = new FilterResource("blue", desiredSlot: 2);
        Assert.False(await reconciler.ReconcileAsync(resource));
        var first = resource.Processing!;
        await AwaitAssertAsync(() => Assert.NotNull(store.GetCommandResult("blue", first)));
        store.Track("other", wheel, new Completed(new Id("unrelated"))); // pushes the move's result out

        Assert.False(await reconciler.ReconcileAsync(resource));
        Assert.NotEqual(first, resource.Processing);
        await AwaitAssertAsync(async () => Assert.True(await reconciler.ReconcileAsync(resource)));
        Assert.Equal(2, resource.ObservedSlot);
    }
}
