using Csw.Framework;
using Csw.Params;

namespace Csw.TestKit.Tests;

public sealed class ComponentTestKitTests : ComponentTestKit
{
    private static readonly Prefix Lamp = Prefix.Parse("TCS.lamp");
    private static readonly ComponentInfo LampInfo = new(Lamp, ComponentType.HCD);

    /// <summary>Publishes a state named after each command it runs; its initialize can be made to hang.</summary>
    private sealed class LampHcd(CswContext context, bool hangInInitialize = false) : ComponentHandlers(context)
    {
        public override Task InitializeAsync(CancellationToken cancellationToken) =>
            hangInInitialize ? Task.Delay(Timeout.Infinite, cancellationToken) : Task.CompletedTask;

        public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

        public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
        {
            Context.CurrentStatePublisher.Publish(new CurrentState(Lamp, command.CommandName.Name));
            return ValueTask.FromResult<ISubmitResponse>(new Completed(runId));
        }

        public override ValueTask OnOnewayAsync(Id runId, ControlCommand command)
        {
            Context.CurrentStatePublisher.Publish(new CurrentState(Lamp, command.CommandName.Name));
            return ValueTask.CompletedTask;
        }

        public override Task OnShutdownAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task SpawnComponentAsync_Running_ProbesSeeStatesAndLifecycle()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        await lamp.CommandService.SubmitAsync(new Setup(Lamp, "on"));
        await lamp.CommandService.SubmitAsync(new Setup(Lamp, "off"));
        Assert.Equal(["on", "off"], (await lamp.CurrentStates.ReceiveMessagesAsync(2)).Select(s => s.StateName.Name));
        lamp.Ref.Tell(new SupervisorMessage.GoOffline());
        await lamp.WaitForStateAsync(SupervisorLifecycleState.RunningOffline);
    }

    [Fact]
    public async Task SpawnComponentAsync_Returns_ComponentIsRunning()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        Assert.Equal(SupervisorLifecycleState.Running, await lamp.Ref.AskAsync<SupervisorLifecycleState>(r => new SupervisorMessage.GetSupervisorLifecycleState(r)));
        // The changes up to Running were consumed: nothing more until the component changes.
        await lamp.Lifecycle.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task CurrentStates_OnewayPublishes_ReceivedWithoutRetrying()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        // Subscribed before SpawnComponentAsync returned: the first state published afterwards is not missed.
        await lamp.CommandService.OnewayAsync(new Setup(Lamp, "blink"));
        Assert.Equal("blink", (await lamp.CurrentStates.ExpectMessageAsync()).StateName.Name);
    }

    [Fact]
    public async Task Lifecycle_Restart_SeesRestartIdleRunning()
    {
        var lamp = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        lamp.Ref.Tell(new SupervisorMessage.Restart());
        var changes = await lamp.Lifecycle.ReceiveMessagesAsync(3);
        Assert.Equal([SupervisorLifecycleState.Restart, SupervisorLifecycleState.Idle, SupervisorLifecycleState.Running], changes.Select(c => c.State));
        Assert.All(changes, change => Assert.Same(lamp.Ref, change.Component));
    }

    [Fact]
    public async Task SpawnComponentAsync_InitializeKeepsFailing_ThrowsNamingTheComponent()
    {
        var info = LampInfo with { InitializeTimeout = TimeSpan.FromMilliseconds(100) };
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            SpawnComponentAsync(info, context => new LampHcd(context, hangInInitialize: true), ComponentOptions.Default with { MaxInitializeRestarts = 0 }));
        Assert.Contains(Lamp.ToString(), e.Message);
    }

    [Fact]
    public async Task SpawnComponentAsync_TwoComponents_EachHasItsOwnProbes()
    {
        var first = await SpawnComponentAsync(LampInfo, context => new LampHcd(context));
        var second = await SpawnComponentAsync(new ComponentInfo(Prefix.Parse("TCS.lamp2"), ComponentType.HCD), context => new LampHcd(context));
        await second.CommandService.SubmitAsync(new Setup(Lamp, "second"));
        Assert.Equal("second", (await second.CurrentStates.ExpectMessageAsync()).StateName.Name);
        await first.CurrentStates.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }
}
