using Csw.Actors;
using Csw.Command;
using Csw.Framework;
using Csw.Params;

namespace Csw.TestKit;

/// <summary>
/// A component started for a test by <see cref="ComponentTestKit.SpawnComponentAsync"/>: its
/// supervisor, a command service, and probes receiving everything it publishes.
/// </summary>
public sealed class TestComponent
{
    internal TestComponent(ActorRef<ComponentMessage> supervisor, TestProbe<CurrentState> currentStates, TestProbe<LifecycleStateChanged> lifecycle)
    {
        Ref = supervisor;
        CommandService = CommandServiceFactory.Make(supervisor);
        CurrentStates = currentStates;
        Lifecycle = lifecycle;
    }

    /// <summary>The component's supervisor.</summary>
    public ActorRef<ComponentMessage> Ref { get; }

    /// <summary>A local command service for the component.</summary>
    public ICommandService CommandService { get; }

    /// <summary>Receives every CurrentState the component publishes, in order, once subscribed (states published during InitializeAsync may come before).</summary>
    public TestProbe<CurrentState> CurrentStates { get; }

    /// <summary>Receives every lifecycle change (the states passed through while spawning are already consumed).</summary>
    public TestProbe<LifecycleStateChanged> Lifecycle { get; }

    /// <summary>Waits until the component reaches <paramref name="state"/>, skipping other changes.</summary>
    /// <param name="state">The state awaited.</param>
    /// <param name="max">The longest wait; <see cref="TestTime.DefaultTimeout"/> when null.</param>
    public Task WaitForStateAsync(SupervisorLifecycleState state, TimeSpan? max = null) =>
        Lifecycle.FishForMessageAsync(change => change.State == state, max);
}
