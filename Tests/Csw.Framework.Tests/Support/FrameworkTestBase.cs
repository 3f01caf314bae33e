using Csw.Actors;
using Csw.Command;
using Csw.Params;
using Csw.Tests.Shared;
using Csw.TestKit;

namespace Csw.Framework.Tests.Support;

/// <summary>Starts a <see cref="TestHcd"/> per test and offers the usual probes.</summary>
public abstract class FrameworkTestBase : ActorTestKit
{
    protected static readonly Prefix Client = Prefix.Parse("WFOS.client");

    private protected FrameworkTestBase()
        : base(new ActorSystemOptions { LoggerFactory = new CapturingLoggerFactory() })
    {
    }

    internal CapturingLoggerFactory Logs => (CapturingLoggerFactory)System.Options.LoggerFactory;

    internal TestHcdControl Control { get; } = new();

    internal ActorRef<ComponentMessage> StartHcd(ComponentInfo? info = null, ComponentOptions? options = null) =>
        Component.Spawn(System, info ?? new ComponentInfo(TestHcd.Prefix, ComponentType.HCD), context => new TestHcd(context, Control), options);

    internal async Task<ActorRef<ComponentMessage>> StartRunningHcdAsync(ComponentOptions? options = null)
    {
        var hcd = StartHcd(options: options);
        await WaitForStateAsync(hcd, SupervisorLifecycleState.Running);
        return hcd;
    }

    internal async Task WaitForStateAsync(ActorRef<ComponentMessage> component, SupervisorLifecycleState state)
    {
        var lifecycle = CreateProbe<LifecycleStateChanged>();
        component.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        await lifecycle.FishForMessageAsync(change => change.State == state);
    }

    internal static Task<SupervisorLifecycleState> StateOfAsync(ActorRef<ComponentMessage> component) =>
        component.AskAsync<SupervisorLifecycleState>(replyTo => new SupervisorMessage.GetSupervisorLifecycleState(replyTo));

    internal static Setup Command(string name, Prefix? source = null) => new(source ?? Client, name);
}
