using Csw.Command;
using Csw.Params;
using Csw.TestKit;
using Examples.SampleHcd;

namespace Examples.Tests;

public sealed class CommandResultStoreTests : ComponentTestKit
{
    private static readonly Prefix Client = Prefix.Parse("WFOS.client");

    private ICommandService StartWheel(TimeSpan step) => CommandServiceFactory.Make(SampleSystem.StartWheel(Sys, SampleSystem.BluePrefix, step));

    private static Setup Move(int target) => new Setup(Client, "move").Add(FilterWheelHcd.Target.Set(target));

    [Fact]
    public async Task GetCommandResult_WhileProcessing_NullThenFinal()
    {
        var wheel = StartWheel(TimeSpan.FromMilliseconds(20));
        var store = new CommandResultStore();
        var started = await wheel.SubmitAsync(Move(3));
        store.Track("blue", wheel, started);
        Assert.Null(store.GetCommandResult("blue", started.RunId));
        Assert.True(store.Knows("blue", started.RunId));
        var completed = Assert.IsType<Completed>(await wheel.QueryFinalAsync(started.RunId));
        await AwaitAssertAsync(() => Assert.Equal(completed, store.GetCommandResult("blue", started.RunId)));
    }

    [Fact]
    public async Task Track_Started_OneQueryFinalAndNoPolling()
    {
        var service = new ScriptedCommandService();
        var store = new CommandResultStore();
        var runId = new Id("move-1");
        store.Track("w", service, new Started(runId));
        Assert.Equal(1, service.QueryFinalCalls);
        Assert.Null(store.GetCommandResult("w", runId));

        service.Finish(new Completed(runId));
        await AwaitAssertAsync(() => Assert.IsType<Completed>(store.GetCommandResult("w", runId)));
        Assert.Equal(1, service.QueryFinalCalls);
        Assert.Equal(0, service.QueryCalls);
    }

    [Fact]
    public async Task Track_FinalFirstResponse_StoredAtOnceWithoutQuerying()
    {
        var wheel = StartWheel(TimeSpan.FromMilliseconds(5));
        var store = new CommandResultStore();
        var invalid = Assert.IsType<Invalid>(await wheel.SubmitAsync(new Setup(Client, "move")));
        store.Track("blue", wheel, invalid);
        Assert.Equal(invalid, store.GetCommandResult("blue", invalid.RunId));
    }

    [Fact]
    public async Task Track_CommandCancelledAfterStarted_StoresCancelled()
    {
        var wheel = StartWheel(TimeSpan.FromSeconds(30));
        var store = new CommandResultStore();
        var started = Assert.IsType<Started>(await wheel.SubmitAsync(Move(5)));
        store.Track("blue", wheel, started);
        Assert.IsType<Completed>(await wheel.SubmitAsync(new Setup(Client, "stop")));
        await AwaitAssertAsync(() => Assert.IsType<Cancelled>(store.GetCommandResult("blue", started.RunId)));
    }

    [Fact]
    public async Task Track_NoFinalInTime_StoresAnError()
    {
        var wheel = StartWheel(TimeSpan.FromSeconds(30));
        var store = new CommandResultStore();
        var started = await wheel.SubmitAsync(Move(1));
        store.Track("blue", wheel, started, TimeSpan.FromMilliseconds(50));
        await AwaitAssertAsync(() => Assert.Contains("No final response", Assert.IsType<Error>(store.GetCommandResult("blue", started.RunId)).Message));
    }

    [Fact]
    public async Task Track_QueryFinalFails_StoresAnErrorNamingTheComponent()
    {
        var service = new ScriptedCommandService();
        var store = new CommandResultStore();
        var runId = new Id("move-2");
        store.Track("red", service, new Started(runId));
        service.Fail(runId, new IOException("connection reset"));
        await AwaitAssertAsync(() => Assert.Equal($"No final response from red: connection reset", Assert.IsType<Error>(store.GetCommandResult("red", runId)).Message));
    }

    [Fact]
    public void Track_SameFinishedCommandTwice_FirstResultKept()
    {
        var store = new CommandResultStore();
        var runId = new Id("same");
        store.Track("blue", new ScriptedCommandService(), new Completed(runId));
        store.Track("blue", new ScriptedCommandService(), new Error(runId, "later"));
        Assert.IsType<Completed>(store.GetCommandResult("blue", runId));
    }

    [Fact]
    public async Task Track_SamePendingCommandTwice_OneQueryFinalAndItsResultKept()
    {
        var service = new ScriptedCommandService();
        var store = new CommandResultStore();
        var runId = new Id("twice");
        store.Track("blue", service, new Started(runId));
        store.Track("blue", service, new Started(runId));
        store.Track("blue", service, new Error(runId, "a duplicate delivery"));
        Assert.Null(store.GetCommandResult("blue", runId));
        service.Finish(new Completed(runId));
        await AwaitAssertAsync(() => Assert.IsType<Completed>(store.GetCommandResult("blue", runId)));
        Assert.Equal(1, service.QueryFinalCalls);
    }

    [Fact]
    public void Track_SameRunIdOnTwoComponents_KeptApart()
    {
        var store = new CommandResultStore();
        var runId = new Id("same-on-both");
        store.Track("blue", new ScriptedCommandService(), new Completed(runId));
        store.Track("red", new ScriptedCommandService(), new Error(runId, "red failed"));
        Assert.IsType<Completed>(store.GetCommandResult("blue", runId));
        Assert.IsType<Error>(store.GetCommandResult("red", runId));
    }

    [Fact]
    public void GetCommandResult_UnknownCommand_NullAndNotKnown()
    {
        var store = new CommandResultStore();
        Assert.Null(store.GetCommandResult("blue", new Id("never")));
        Assert.False(store.Knows("blue", new Id("never")));
    }

    [Fact]
    public void Track_BeyondCapacity_ForgetsOldestFinishedKeepsPending()
    {
        var store = new CommandResultStore(capacity: 2);
        var service = new ScriptedCommandService();
        store.Track("w", service, new Started(new Id("pending")));
        foreach (var id in new[] { "a", "b", "c" })
        {
            store.Track("w", service, new Completed(new Id(id)));
        }
        Assert.False(store.Knows("w", new Id("a")));
        Assert.True(store.Knows("w", new Id("b")));
        Assert.True(store.Knows("w", new Id("c")));
        Assert.True(store.Knows("w", new Id("pending")));
    }

    [Fact]
    public async Task Track_PendingFinishesLast_EvictionFollowsFinishingOrder()
    {
        var store = new CommandResultStore(capacity: 2);
        var service = new ScriptedCommandService();
        var early = new Id("submitted-first");
        store.Track("w", service, new Started(early));
        store.Track("w", service, new Completed(new Id("a")));
        store.Track("w", service, new Completed(new Id("b")));
        service.Finish(new Completed(early));
        await AwaitAssertAsync(() => Assert.NotNull(store.GetCommandResult("w", early)));
        Assert.False(store.Knows("w", new Id("a")));
        Assert.True(store.Knows("w", new Id("b")));
    }

    [Fact]
    public async Task Track_ManyThreadsTrackingDuplicates_EachCommandOneResultAndCapacityHeld()
    {
        var store = new CommandResultStore(capacity: 100);
        var service = new ScriptedCommandService();
        var ids = Enumerable.Range(0, 500).Select(i => new Id($"cmd-{i}")).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            foreach (var id in ids)
            {
                store.Track("w", service, new Error(id, $"worker {worker}"));
            }
        })));
        var kept = ids.Where(id => store.Knows("w", id)).ToList();
        Assert.Equal(100, kept.Count);
        Assert.False(store.Knows("w", ids[0]));
        Assert.All(kept, id => Assert.IsType<Error>(store.GetCommandResult("w", id)));
        Assert.Equal(0, service.QueryFinalCalls);
    }

    [Fact]
    public void Constructor_CapacityBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandResultStore(capacity: 0));
    }
}
