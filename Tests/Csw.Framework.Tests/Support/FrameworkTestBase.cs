using Akka.Actor;
using Csw.Command;
using Csw.Params;
using Csw.Tests.Shared;
using Csw.TestKit;

namespace Csw.Framework.Tests.Support;

/// <summary>Starts a <see cref="TestHcd"/> per test and offers the usual probes.</summary>
public abstract class FrameworkTestBase : ComponentTestKit
{
    protected static readonly Prefix Client = Prefix.Parse("WFOS.client");

    private protected FrameworkTestBase()
        : this(new CapturingLoggerFactory())
    {
    }

    private FrameworkTestBase(CapturingLoggerFactory logs)
        : base(loggerFactory: logs)
    {
        Logs = logs;
    }

    /// <summary>What the components logged (handlers and the framework, under the component's prefix).</summary>
    internal CapturingLoggerFactory Logs { get; }

    internal TestHcdControl Control { get; } = new();

    internal IActorRef StartHcd(ComponentInfo? info = null, ComponentOptions? options = null) =>
        Component.Spawn(Sys, info ?? new ComponentInfo(TestHcd.Prefix, ComponentType.HCD), context => new TestHcd(context, Control), options);

    internal async Task<IActorRef> StartRunningHcdAsync(ComponentOptions? options = null)
    {
        var hcd = StartHcd(options: options);
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        return hcd;
    }

    internal async Task WaitForStateAsync(IActorRef component, SupervisorLifecycleState state)
    {
        var lifecycle = CreateTestProbe();
        component.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        await lifecycle.FishForMessageAsync<LifecycleStateChanged>(change => change.State == state);
    }

    internal static Task<SupervisorLifecycleState> StateOfAsync(IActorRef component) =>
        component.Ask<SupervisorLifecycleState>(replyTo => new SupervisorMessage.GetSupervisorLifecycleState(replyTo), TestTime.DefaultTimeout, default);

    /// <summary>Waits until <paramref name="actor"/> has stopped (already stopped counts).</summary>
    internal async Task ExpectStoppedAsync(IActorRef actor)
    {
        var watcher = CreateTestProbe();
        await watcher.WatchAsync(actor);
        await watcher.ExpectTerminatedAsync(actor);
    }

    internal static Setup Command(string name, Prefix? source = null) => new(source ?? Client, name);
}
