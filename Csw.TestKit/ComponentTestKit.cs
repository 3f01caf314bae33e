using Csw.Actors;
using Csw.Command;
using Csw.Framework;
using Csw.Params;
using Csw.PubSub;

namespace Csw.TestKit;

/// <summary>
/// An xunit base class for testing components in-process: each test gets its own actor system (see
/// <see cref="ActorTestKit"/>) and starts components with <see cref="SpawnComponentAsync"/>.
/// </summary>
public abstract class ComponentTestKit : ActorTestKit
{
    /// <summary>Creates the kit.</summary>
    /// <param name="options">Settings for the system; the defaults when null.</param>
    protected ComponentTestKit(ActorSystemOptions? options = null)
        : base(options)
    {
    }

    /// <summary>
    /// Starts a component with probes for its CurrentState and lifecycle already subscribed, and
    /// waits until it is <see cref="SupervisorLifecycleState.Running"/>.
    /// </summary>
    /// <exception cref="TestKitAssertionException">The component shut down instead (initialize kept failing), or was not Running within <see cref="TestTime.DefaultTimeout"/>.</exception>
    /// <param name="info">The component's prefix, type and settings.</param>
    /// <param name="handlers">Makes its handlers.</param>
    /// <param name="options">How to run it; the defaults when null.</param>
    protected async Task<TestComponent> SpawnComponentAsync(ComponentInfo info, Func<CswContext, ComponentHandlers> handlers, ComponentOptions? options = null)
    {
        var supervisor = Component.Spawn(System, info, handlers, options);
        var lifecycle = CreateProbe<LifecycleStateChanged>();
        supervisor.Tell(new SupervisorMessage.SubscribeLifecycleState(lifecycle.Ref));
        var currentStates = CreateProbe<CurrentState>();
        // The subscription is in place when the supervisor answers, before anything it publishes later.
        Subscription<CurrentState> subscription;
        try
        {
            subscription = await supervisor.AskAsync<Subscription<CurrentState>>(replyTo => new ComponentMessage.SubscribeCurrentState(null, replyTo)).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new TestKitAssertionException($"{info} did not answer a CurrentState subscription: it stopped at once (its InitializeAsync kept failing) or is stuck.", e);
        }
        _ = ForwardAsync(subscription, currentStates.Ref);
        var reached = await lifecycle.FishForMessageAsync(change => change.State is SupervisorLifecycleState.Running or SupervisorLifecycleState.Shutdown).ConfigureAwait(false);
        if (reached.State == SupervisorLifecycleState.Shutdown)
        {
            throw new TestKitAssertionException($"{info} shut down before it was Running: its InitializeAsync kept failing (the component's log says why).");
        }
        return new TestComponent(supervisor, currentStates, lifecycle);
    }

    private static async Task ForwardAsync(Subscription<CurrentState> subscription, ActorRef<CurrentState> probe)
    {
        await foreach (var state in ((IAsyncEnumerable<CurrentState>)subscription).ConfigureAwait(false))
        {
            probe.Tell(state);
        }
    }
}
