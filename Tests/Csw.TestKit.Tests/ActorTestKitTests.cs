using Csw.Actors;

namespace Csw.TestKit.Tests;

public sealed class ActorTestKitTests
{
    [Fact]
    public async Task DisposeAsync_AfterTest_TerminatesSystemAndStopsActors()
    {
        var kit = new SampleKit();
        await kit.InitializeAsync();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.SpawnActor(Props.Create<int>(() => new StopReporter(stopped)));
        var probe = kit.Probe<int>("probe");

        await kit.DisposeAsync();

        Assert.True(kit.ActorSystem.WhenTerminated.IsCompleted);
        Assert.True(stopped.Task.IsCompleted);
        Assert.Empty(kit.ActorSystem.TopLevelActors);
        Assert.Throws<InvalidOperationException>(() => kit.SpawnActor(Props.FromFunc<int>((_, _) => { })));
        probe.Ref.Tell(1);
        Assert.Equal(1, kit.ActorSystem.DeadLetterCount);
    }

    [Fact]
    public async Task Constructor_Options_UsedBySystem()
    {
        var options = new ActorSystemOptions { AskTimeout = TimeSpan.FromSeconds(1) };
        var kit = new SampleKit(options);
        Assert.Same(options, kit.ActorSystem.Options);
        Assert.Equal(nameof(SampleKit), kit.ActorSystem.Name);
        await kit.DisposeAsync();
    }

    private sealed class SampleKit(ActorSystemOptions? options = null) : ActorTestKit(options)
    {
        public ActorSystem ActorSystem => System;

        public ActorRef<T> SpawnActor<T>(Props<T> props) => Spawn(props);

        public TestProbe<T> Probe<T>(string name) => CreateProbe<T>(name);
    }

    private sealed class StopReporter(TaskCompletionSource stopped) : IActor<int>
    {
        public ValueTask ReceiveAsync(IActorContext<int> context, int message) => ValueTask.CompletedTask;

        public ValueTask OnSignalAsync(IActorContext<int> context, Signal signal)
        {
            if (signal is PostStop)
            {
                stopped.SetResult();
            }
            return ValueTask.CompletedTask;
        }
    }
}
