using Csw.Framework;
using Csw.Params;

namespace Csw.TestKit.Tests;

public sealed class ComponentTestKitTests : ComponentTestKit
{
    private static readonly Prefix Lamp = Prefix.Parse("TCS.lamp");

    private sealed class LampHcd(CswContext context) : ComponentHandlers(context)
    {
        public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

        public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
        {
            Context.CurrentStatePublisher.Publish(new CurrentState(Lamp, command.CommandName.Name));
            return ValueTask.FromResult<ISubmitResponse>(new Completed(runId));
        }

        public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

        public override Task OnShutdownAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task SpawnComponentAsync_Running_ProbesSeeStatesAndLifecycle()
    {
        var lamp = await SpawnComponentAsync(new ComponentInfo(Lamp, ComponentType.HCD), context => new LampHcd(context));
        await lamp.CommandService.SubmitAsync(new Setup(Lamp, "on"));
        await lamp.CommandService.SubmitAsync(new Setup(Lamp, "off"));
        Assert.Equal(["on", "off"], (await lamp.CurrentStates.ReceiveMessagesAsync(2)).Select(s => s.StateName.Name));
        lamp.Ref.Tell(new SupervisorMessage.GoOffline());
        await lamp.WaitForStateAsync(SupervisorLifecycleState.RunningOffline);
    }
}
