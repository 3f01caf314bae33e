using Csw.Command;
using Csw.Params;
using Csw.TestKit;

namespace Csw.Framework.Tests;

public sealed class SmokeTests : ComponentTestKit
{
    private sealed class Hcd(CswContext context) : ComponentHandlers(context)
    {
        public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
            ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

        public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
        {
            if (command.CommandName.Name == "slow")
            {
                _ = Task.Delay(50).ContinueWith(_ => Context.CommandResponseManager.UpdateCommand(new Completed(runId)), TaskScheduler.Default);
                return ValueTask.FromResult<ISubmitResponse>(new Started(runId));
            }
            return ValueTask.FromResult<ISubmitResponse>(new Completed(runId));
        }

        public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

        public override Task OnShutdownAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task SubmitAndWait_ImmediateAndLongCommands_Complete()
    {
        var prefix = Prefix.Parse("WFOS.blue.filter");
        var hcd = Component.Spawn(Sys, new ComponentInfo(prefix, ComponentType.HCD), ctx => new Hcd(ctx));
        var service = CommandServiceFactory.Make(hcd);
        var fast = await service.SubmitAndWaitAsync(new Setup(Prefix.Parse("WFOS.client"), "fast"));
        Assert.IsType<Completed>(fast);
        var first = await service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "slow"));
        Assert.IsType<Started>(first);
        Assert.IsType<Started>(await service.QueryAsync(first.RunId));
        Assert.IsType<Completed>(await service.QueryFinalAsync(first.RunId));
    }
}
