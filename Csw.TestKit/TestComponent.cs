using Akka.Actor;
using Akka.TestKit;
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
    internal TestComponent(ComponentInfo info, IActorRef supervisor, TestProbe currentStates, TestProbe lifecycle)
    {
        Info = info;
        Ref = supervisor;
        CommandService = CommandServiceFactory.Make(supervisor);
        CurrentStates = currentStates;
        Lifecycle = lifecycle;
    }

    /// <summary>What the component is.</summary>
    public ComponentInfo Info { get; }

    /// <summary>The component's supervisor.</summary>
    public IActorRef Ref { get; }

    /// <summary>A local command service for the component.</summary>
    public ICommandService CommandService { get; }

    /// <summary>Receives every <see cref="CurrentState"/> the component publishes, in order, from the very first (also those published while initializing).</summary>
    public TestProbe CurrentStates { get; }

    /// <summary>Receives every <see cref="LifecycleStateChanged"/> (the changes up to Running are already consumed when the component is handed out).</summary>
    public TestProbe Lifecycle { get; }

    /// <summary>Waits for the next CurrentState that satisfies <paramref name="isState"/>, skipping others; a timeout names this component's probe.</summary>
    /// <param name="isState">Whether a state is the one awaited.</param>
    /// <param name="max">The longest wait; the TestKit's default when null.</param>
    public Task<CurrentState> ExpectCurrentStateAsync(Predicate<CurrentState> isState, TimeSpan? max = null) =>
        CurrentStates.FishForMessageAsync(isState, max, $"a matching CurrentState in the CurrentState probe of {Info}").AsTask();

    /// <summary>Waits for the next CurrentState named <paramref name="name"/>, skipping others.</summary>
    /// <param name="name">The state's name.</param>
    /// <param name="max">The longest wait; the TestKit's default when null.</param>
    public Task<CurrentState> ExpectCurrentStateAsync(string name, TimeSpan? max = null) =>
        CurrentStates.FishForMessageAsync<CurrentState>(state => state.StateName.Name == name, max, $"a CurrentState named '{name}' in the CurrentState probe of {Info}").AsTask();

    /// <summary>Waits until the component reaches <paramref name="state"/>, skipping other changes.</summary>
    /// <param name="state">The state awaited.</param>
    /// <param name="max">The longest wait; the TestKit's default when null.</param>
    public Task WaitForStateAsync(SupervisorLifecycleState state, TimeSpan? max = null) =>
        Lifecycle.FishForMessageAsync<LifecycleStateChanged>(change => change.State == state, max, $"{state} in the lifecycle probe of {Info}").AsTask();

    /// <summary>The component's lifecycle state now.</summary>
    /// <param name="cancellationToken">Abandons the wait.</param>
    public Task<SupervisorLifecycleState> StateAsync(CancellationToken cancellationToken = default) =>
        Ref.Ask<SupervisorLifecycleState>(replyTo => new SupervisorMessage.GetSupervisorLifecycleState(replyTo), TimeSpan.FromSeconds(10), cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"test {Info}";

    internal async Task WaitForRunningAsync()
    {
        var reached = await Lifecycle.FishForMessageAsync<LifecycleStateChanged>(
            change => change.State is SupervisorLifecycleState.Running or SupervisorLifecycleState.Shutdown,
            hint: $"Running in the lifecycle probe of {Info}").ConfigureAwait(false);
        if (reached.State == SupervisorLifecycleState.Shutdown)
        {
            throw new Xunit.Sdk.XunitException($"{Info} shut down before it was Running: {reached.Reason ?? "the component's log says why"}");
        }
    }
}
