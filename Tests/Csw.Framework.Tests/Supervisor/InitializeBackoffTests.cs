using Akka.Actor;
using Akka.TestKit;
using Csw.Command;
using Csw.Framework.Tests.Support;
using Csw.Params;
using Csw.Tests.Shared;
using Csw.TestKit;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Tests.Supervisor;

/// <summary>
/// When initialize attempts are retried, with the default timeouts and backoff: the actor system runs
/// on Akka's test scheduler, whose time passes only when the test advances it, so that 48 s of
/// initialize timeouts and backoff take milliseconds.
/// </summary>
public sealed class InitializeBackoffTests() : ComponentTestKit(loggerFactory: Logs, config: """akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """)
{
    // Static: the base constructor takes it before the instance exists; each test counts only its own component's entries.
    private static readonly CapturingLoggerFactory Logs = new();

    private readonly TestHcdControl _control = new();

    private readonly Prefix _prefix = Prefix.Parse($"WFOS.backoff{Guid.NewGuid():N}");

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private IActorRef Start() =>
        Component.Spawn(Sys, new ComponentInfo(_prefix, ComponentType.HCD), context => new TestHcd(context, _control));

    private int Failures => Logs.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains($"{_prefix} failed to initialize"));

    /// <summary>Lets the supervisor handle what is in its mailbox: it answers this question only after.</summary>
    private static Task<SupervisorLifecycleState> SettleAsync(IActorRef component) =>
        component.Ask<SupervisorLifecycleState>(replyTo => new SupervisorMessage.GetSupervisorLifecycleState(replyTo), TestTime.DefaultTimeout, default);

    [Fact]
    public async Task Initialize_AlwaysTimesOutWithTheDefaults_ShutsDownAfterTheLimit()
    {
        // The regression: counted within a 5 s window, 10 s timeouts never made two failures in it,
        // and such a component restarted forever.
        _control.InitializeHangs = true;
        var hcd = Start();
        var watcher = CreateTestProbe();
        await watcher.WatchAsync(hcd);
        var defaults = ComponentOptions.Default;
        for (var attempt = 1; attempt <= defaults.MaxInitializeRestarts + 1; attempt++)
        {
            // Each timer is started in the supervisor's turn that also logs or starts the attempt this
            // test sees: settled first, so that the time advanced is not gone before the timer exists.
            await AwaitAssertAsync(() => Assert.Equal(attempt, _control.InitializeAttempts));
            await SettleAsync(hcd);
            Scheduler.Advance(new ComponentInfo(_prefix, ComponentType.HCD).InitializeTimeout);
            await AwaitAssertAsync(() => Assert.Equal(attempt, Failures));
            if (attempt <= defaults.MaxInitializeRestarts)
            {
                await SettleAsync(hcd);
                Scheduler.Advance(defaults.InitializeBackoff.Longest(attempt));
            }
        }
        await watcher.ExpectTerminatedAsync(hcd);
        Assert.Equal(4, _control.InitializeAttempts);
        Assert.Equal(4, _control.InitializeCancellations);
        Assert.Contains(Logs.Entries, e => e.Message.Contains($"{_prefix} failed to initialize (attempt 4 of 4); it shuts down."));
    }

    [Fact]
    public async Task Initialize_Throws_RetriedOnlyOnceTheBackoffHasPassed()
    {
        _control.InitializeFailures = 2;
        var hcd = Start();
        var backoff = ComponentOptions.Default.InitializeBackoff;
        for (var retry = 1; retry <= 2; retry++)
        {
            await AwaitAssertAsync(() => Assert.Equal(retry, Failures));
            await SettleAsync(hcd);
            Scheduler.Advance(backoff.Shortest(retry) - TimeSpan.FromMilliseconds(1));
            await SettleAsync(hcd);
            Assert.Equal(retry, _control.Instances);
            Scheduler.Advance(backoff.Longest(retry) - backoff.Shortest(retry) + TimeSpan.FromMilliseconds(1));
            await SettleAsync(hcd);
            Assert.Equal(retry + 1, _control.Instances);
        }
        await AwaitAssertAsync(async () => Assert.Equal(SupervisorLifecycleState.Running, await SettleAsync(hcd)));
    }
}
