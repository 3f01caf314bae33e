using Akka.Actor;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.TestKit;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Tests;

public sealed class ComponentTimersTests : FrameworkTestBase
{
    private ComponentTimers NewTimers() => new(Logs.CreateLogger<ComponentTimers>());

    [Fact]
    public async Task ScheduleOnce_Fires_RunsOnceAndIsForgotten()
    {
        var timers = NewTimers();
        var fired = CreateTestProbe();
        for (var i = 0; i < 20; i++)
        {
            var n = i;
            timers.ScheduleOnce(TimeSpan.FromMilliseconds(1), () => fired.Ref.Tell(n));
        }
        var seen = await fired.ReceiveNAsync(20).Cast<int>().ToListAsync();
        Assert.Equal(Enumerable.Range(0, 20), seen.Order());
        // A fired one-shot timer is no longer held: a component scheduling one per command must not grow.
        Assert.Equal(0, timers.Count);
        await fired.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task ScheduleOnce_DisposedBeforeItFires_NeverRuns()
    {
        var timers = NewTimers();
        var fired = CreateTestProbe();
        var handle = timers.ScheduleOnce(TimeSpan.FromMilliseconds(200), () => fired.Ref.Tell(1));
        handle.Dispose();
        Assert.Equal(0, timers.Count);
        await fired.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task SchedulePeriodically_UntilDisposed_RunsRepeatedlyThenStops()
    {
        var timers = NewTimers();
        var ticks = 0;
        var handle = timers.SchedulePeriodically(TimeSpan.FromMilliseconds(5), () => Interlocked.Increment(ref ticks));
        await AwaitAssertAsync(() => Assert.True(Volatile.Read(ref ticks) >= 3));
        handle.Dispose();
        var atDispose = Volatile.Read(ref ticks);
        Assert.Equal(0, timers.Count);
        await CreateTestProbe().ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        // At most one tick that had already begun may still finish.
        Assert.InRange(Volatile.Read(ref ticks), atDispose, atDispose + 1);
    }

    [Fact]
    public async Task SchedulePeriodically_ActionThrows_LoggedAndKeepsRunning()
    {
        var timers = NewTimers();
        var fired = CreateTestProbe();
        var calls = 0;
        using var handle = timers.SchedulePeriodically(TimeSpan.FromMilliseconds(5), () =>
        {
            var call = Interlocked.Increment(ref calls);
            fired.Ref.Tell(call);
            if (call == 1)
            {
                throw new InvalidOperationException("timer failed on purpose");
            }
        });
        await fired.FishForMessageAsync<int>(call => call >= 2);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "timer failed on purpose");
    }

    [Fact]
    public void Schedule_BadArguments_Throw()
    {
        var timers = NewTimers();
        Assert.Throws<ArgumentOutOfRangeException>(() => timers.ScheduleOnce(TimeSpan.FromMilliseconds(-5), () => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => timers.SchedulePeriodically(TimeSpan.Zero, () => { }));
        Assert.Throws<ArgumentNullException>(() => timers.ScheduleOnce(TimeSpan.Zero, null!));
    }

    [Fact]
    public async Task Restart_TimersOfTheOldInstance_AreCancelled()
    {
        var hcd = await StartRunningHcdAsync();
        await CommandServiceFactory.Make(hcd).SubmitAsync(Command("timer"));
        var timers = Control.Context!.Timers;
        Assert.Equal(1, timers.Count);
        var lifecycle = CreateTestProbe();
        hcd.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        hcd.Tell(new SupervisorMessage.Restart());
        await lifecycle.FishForMessageAsync<LifecycleStateChanged>(change => change.State == SupervisorLifecycleState.Restart);
        await lifecycle.FishForMessageAsync<LifecycleStateChanged>(change => change.State == SupervisorLifecycleState.Running);
        Assert.Equal(0, timers.Count);
    }

    [Fact]
    public async Task Shutdown_Timers_AreCancelled()
    {
        var hcd = await StartRunningHcdAsync();
        await CommandServiceFactory.Make(hcd).SubmitAsync(Command("timer"));
        var timers = Control.Context!.Timers;
        hcd.Tell(new SupervisorMessage.Shutdown());
        await ExpectStoppedAsync(hcd);
        Assert.Equal(0, timers.Count);
    }
}
