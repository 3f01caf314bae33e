using Csw.Tests.Shared;
using System.Diagnostics;
using Csw.Actors.Tests.Support;
using Csw.TestKit;

namespace Csw.Actors.Tests;

public sealed class SupervisionTests : ActorTestKit
{
    /// <summary>A message for <see cref="Counter"/>: fail, or add one and report the total.</summary>
    private sealed record Command(bool Fail, ActorRef<int>? ReplyTo = null, TimeSpan Work = default);

    [Fact]
    public async Task Restart_HandlerThrows_FreshInstanceFromFactoryWithResetState()
    {
        var signals = CreateProbe<string>();
        var totals = CreateProbe<int>();
        var created = 0;
        var actor = Spawn(Props.Create<Command>(() =>
        {
            Interlocked.Increment(ref created);
            return new Counter(signals.Ref);
        }).WithSupervision(SupervisorStrategy.Restart(3, TimeSpan.FromMinutes(1))));
        actor.Tell(new Command(false, totals.Ref));
        actor.Tell(new Command(false, totals.Ref));
        await totals.ExpectMessageAsync(1);
        await totals.ExpectMessageAsync(2);

        actor.Tell(new Command(true));
        actor.Tell(new Command(false, totals.Ref));

        await totals.ExpectMessageAsync(1);
        Assert.Equal(2, created);
        Assert.Equal(["PreStart", "PreRestart:boom", "PreStart"], await signals.ReceiveMessagesAsync(3));
    }

    [Fact]
    public async Task Restart_MoreThanMaxWithinWindow_Stops()
    {
        var signals = CreateProbe<string>();
        var actor = Spawn(Props.Create<Command>(() => new Counter(signals.Ref))
            .WithSupervision(SupervisorStrategy.Restart(2, TimeSpan.FromMinutes(1))));
        await signals.ExpectMessageAsync("PreStart");
        actor.Tell(new Command(true));
        actor.Tell(new Command(true));
        Assert.Equal(["PreRestart:boom", "PreStart", "PreRestart:boom", "PreStart"], await signals.ReceiveMessagesAsync(4));
        actor.Tell(new Command(true));
        await signals.ExpectMessageAsync("PostStop");
        await signals.ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task Restart_FailuresOutsideWindow_NotCountedTogether()
    {
        var signals = CreateProbe<string>();
        var actor = Spawn(Props.Create<Command>(() => new Counter(signals.Ref))
            .WithSupervision(SupervisorStrategy.Restart(1, TimeSpan.FromMilliseconds(30))));
        await signals.ExpectMessageAsync("PreStart");
        actor.Tell(new Command(true));
        await signals.ExpectMessageAsync("PreRestart:boom");
        await signals.ExpectMessageAsync("PreStart");
        // Work longer than the window lets the first restart drop out of it.
        actor.Tell(new Command(false, Work: TimeSpan.FromMilliseconds(60)));
        actor.Tell(new Command(true));
        Assert.Equal(["total:1", "PreRestart:boom", "PreStart"], await signals.ReceiveMessagesAsync(3));
    }

    [Fact]
    public async Task Restart_ZeroRestartsAllowed_FirstFailureStops()
    {
        var signals = CreateProbe<string>();
        var actor = Spawn(Props.Create<Command>(() => new Counter(signals.Ref))
            .WithSupervision(SupervisorStrategy.Restart(0, TimeSpan.FromMinutes(1))));
        await signals.ExpectMessageAsync("PreStart");
        actor.Tell(new Command(true));
        await signals.ExpectMessageAsync("PostStop");
    }

    [Fact]
    public async Task Restart_WithBackoff_DelaysRestartAndMessagesWait()
    {
        var events = CreateProbe<string>();
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), randomFactor: 0);
        var actor = Spawn(Props.Create<Command>(() => new Counter(events.Ref))
            .WithSupervision(SupervisorStrategy.Restart(5, TimeSpan.FromMinutes(1), backoff)));
        await events.ExpectMessageAsync("PreStart");

        var failedAt = Stopwatch.StartNew();
        actor.Tell(new Command(true));
        actor.Tell(new Command(false));
        await events.ExpectMessageAsync("PreRestart:boom");
        await events.ExpectMessageAsync("PreStart");
        AssertAtLeast(TimeSpan.FromMilliseconds(100), failedAt.Elapsed);
        await events.ExpectMessageAsync("total:1");

        failedAt.Restart();
        actor.Tell(new Command(true));
        await events.ExpectMessageAsync("PreRestart:boom");
        await events.ExpectMessageAsync("PreStart");
        AssertAtLeast(TimeSpan.FromMilliseconds(200), failedAt.Elapsed);
    }

    [Fact]
    public async Task Restart_StoppedDuringBackoff_StopsAndNeverRestarts()
    {
        var signals = CreateProbe<string>();
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), randomFactor: 0);
        var actor = Spawn(Props.Create<Command>(() => new Counter(signals.Ref))
            .WithSupervision(SupervisorStrategy.Restart(5, TimeSpan.FromMinutes(1), backoff)));
        await signals.ExpectMessageAsync("PreStart");
        actor.Tell(new Command(true));
        await signals.ExpectMessageAsync("PreRestart:boom");
        System.Stop(actor);
        await signals.ExpectTerminatedAsync(actor);
        await signals.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Resume_HandlerThrows_StateKeptAndFailingMessageDropped()
    {
        var signals = CreateProbe<string>();
        var totals = CreateProbe<int>();
        var actor = Spawn(Props.Create<Command>(() => new Counter(signals.Ref)).WithSupervision(SupervisorStrategy.Resume));
        actor.Tell(new Command(false, totals.Ref));
        actor.Tell(new Command(true, totals.Ref));
        actor.Tell(new Command(false, totals.Ref));
        await totals.ExpectMessageAsync(1);
        await totals.ExpectMessageAsync(2);
        await signals.ExpectMessageAsync("PreStart");
        await signals.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Resume_AsyncHandlerFaults_StateKept()
    {
        var totals = CreateProbe<int>();
        var sum = 0;
        var actor = Spawn(Props.FromFunc<int>(async (_, n) =>
        {
            await Task.Yield();
            if (n < 0)
            {
                throw new InvalidOperationException("negative");
            }
            sum += n;
            totals.Ref.Tell(sum);
        }).WithSupervision(SupervisorStrategy.Resume));
        actor.Tell(1);
        actor.Tell(-1);
        actor.Tell(2);
        Assert.Equal([1, 3], await totals.ReceiveMessagesAsync(2));
    }

    [Fact]
    public async Task Stop_HandlerThrows_StopsAndWatchersAreTold()
    {
        var signals = CreateProbe<string>();
        var actor = Spawn(Props.Create<Command>(() => new Counter(signals.Ref)).WithSupervision(SupervisorStrategy.Stop));
        await signals.ExpectMessageAsync("PreStart");
        actor.Tell(new Command(true));
        await signals.ExpectMessageAsync("PostStop");
        await signals.ExpectTerminatedAsync(actor);
        actor.Tell(new Command(false));
        Assert.Equal(1, System.DeadLetterCount);
    }

    [Fact]
    public async Task Default_HandlerThrows_Restarts()
    {
        var signals = CreateProbe<string>();
        var actor = Spawn(Props.Create<Command>(() => new Counter(signals.Ref)));
        await signals.ExpectMessageAsync("PreStart");
        actor.Tell(new Command(true));
        Assert.Equal(["PreRestart:boom", "PreStart"], await signals.ReceiveMessagesAsync(2));
    }

    [Fact]
    public async Task Failure_InOneActor_OtherActorsUnaffected()
    {
        var totals = CreateProbe<int>();
        var healthy = Spawn(Props.FromFunc<int>((_, n) => totals.Ref.Tell(n)));
        var failing = Spawn(Props.FromFunc<int>((_, _) => throw new InvalidOperationException("always")).WithSupervision(SupervisorStrategy.Stop));
        failing.Tell(1);
        healthy.Tell(2);
        await totals.ExpectMessageAsync(2);
        await totals.ExpectTerminatedAsync(failing);
        healthy.Tell(3);
        await totals.ExpectMessageAsync(3);
    }

    [Fact]
    public async Task Failure_Always_LoggedWithPathAndException()
    {
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("logged", new ActorSystemOptions { LoggerFactory = logs });
        var probe = new TestProbe<int>(system);
        var failing = system.Spawn(Props.FromFunc<int>((_, _) => throw new InvalidOperationException("kaput")).WithSupervision(SupervisorStrategy.Stop), "faulty");
        failing.Tell(1);
        await probe.ExpectTerminatedAsync(failing);
        var error = Assert.Single(logs.Entries, e => e.Exception is InvalidOperationException);
        Assert.Contains("csw://logged/user/faulty", error.Message, StringComparison.Ordinal);
        Assert.Equal("kaput", error.Exception!.Message);
    }

    [Fact]
    public async Task Restart_FactoryThrowsAtFirstStart_Supervised()
    {
        var signals = CreateProbe<string>();
        var totals = CreateProbe<int>();
        var attempts = 0;
        var actor = Spawn(Props.Create<Command>(() => Interlocked.Increment(ref attempts) == 1
                ? throw new InvalidOperationException("factory")
                : new Counter(signals.Ref))
            .WithSupervision(SupervisorStrategy.Restart(3, TimeSpan.FromMinutes(1))));
        actor.Tell(new Command(false, totals.Ref));
        await totals.ExpectMessageAsync(1);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Restart_FactoryAlwaysThrows_StopsAfterMaxRestarts()
    {
        var probe = CreateProbe<int>();
        var attempts = 0;
        var actor = Spawn(Props.Create<Command>(() =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("factory");
        }).WithSupervision(SupervisorStrategy.Restart(2, TimeSpan.FromMinutes(1))));
        await probe.ExpectTerminatedAsync(actor);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Stop_FactoryThrows_Stops()
    {
        var probe = CreateProbe<int>();
        var actor = Spawn(Props.Create<int>(() => throw new InvalidOperationException("factory")).WithSupervision(SupervisorStrategy.Stop));
        await probe.ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task Restart_PreStartThrows_RestartsWithFreshInstance()
    {
        var signals = CreateProbe<string>();
        var totals = CreateProbe<int>();
        var instances = 0;
        var actor = Spawn(Props.Create<Command>(() => new Counter(signals.Ref, failPreStart: Interlocked.Increment(ref instances) == 1))
            .WithSupervision(SupervisorStrategy.Restart(3, TimeSpan.FromMinutes(1))));
        actor.Tell(new Command(false, totals.Ref));
        await totals.ExpectMessageAsync(1);
        Assert.Equal(["PreStart", "PreRestart:prestart", "PreStart"], await signals.ReceiveMessagesAsync(3));
    }

    [Fact]
    public async Task Stop_PreStartThrows_Stops()
    {
        var signals = CreateProbe<string>();
        var actor = Spawn(Props.Create<Command>(() => new Counter(signals.Ref, failPreStart: true)).WithSupervision(SupervisorStrategy.Stop));
        await signals.ExpectMessageAsync("PreStart");
        await signals.ExpectMessageAsync("PostStop");
        await signals.ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task PostStop_Throws_StillStopsAndWatchersAreTold()
    {
        var probe = CreateProbe<int>();
        var actor = Spawn(Props.Create<int>(() => new ThrowingOnStop()));
        System.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task Restart_PreRestartThrows_StillRestarts()
    {
        var totals = CreateProbe<int>();
        var actor = Spawn(Props.Create<int>(() => new ThrowingOnStop(totals.Ref)).WithSupervision(SupervisorStrategy.Restart(1, TimeSpan.FromMinutes(1))));
        actor.Tell(-1);
        actor.Tell(4);
        await totals.ExpectMessageAsync(4);
    }

    private static void AssertAtLeast(TimeSpan expected, TimeSpan actual) =>
        // A timer can fire up to a tick early by the stopwatch's reckoning.
        Assert.True(actual >= expected - TimeSpan.FromMilliseconds(16), $"Expected at least {expected.TotalMilliseconds} ms, took {actual.TotalMilliseconds} ms.");

    /// <summary>Counts messages; reports its signals (with a PreRestart's cause) to a probe.</summary>
    private sealed class Counter(ActorRef<string> signals, bool failPreStart = false) : IActor<Command>
    {
        private int _count;

        public async ValueTask ReceiveAsync(IActorContext<Command> context, Command message)
        {
            if (message.Fail)
            {
                throw new InvalidOperationException("boom");
            }
            if (message.Work > TimeSpan.Zero)
            {
                await Task.Delay(message.Work);
            }
            if (message.ReplyTo is { } replyTo)
            {
                replyTo.Tell(++_count);
            }
            else
            {
                signals.Tell($"total:{++_count}");
            }
        }

        public ValueTask OnSignalAsync(IActorContext<Command> context, Signal signal)
        {
            signals.Tell(signal is PreRestart restart ? $"PreRestart:{restart.Cause.Message}" : signal.GetType().Name);
            if (signal is PreStart && failPreStart)
            {
                throw new InvalidOperationException("prestart");
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Throws from PreRestart and PostStop; a negative message fails.</summary>
    private sealed class ThrowingOnStop(ActorRef<int>? totals = null) : IActor<int>
    {
        public ValueTask ReceiveAsync(IActorContext<int> context, int message)
        {
            if (message < 0)
            {
                throw new InvalidOperationException("negative");
            }
            totals?.Tell(message);
            return ValueTask.CompletedTask;
        }

        public ValueTask OnSignalAsync(IActorContext<int> context, Signal signal) =>
            signal is PostStop or PreRestart ? throw new InvalidOperationException("signal") : ValueTask.CompletedTask;
    }
}
