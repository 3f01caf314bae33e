using Csw.Framework;
using Csw.Params;

namespace Bench.Command;

/// <summary>An HCD whose every command is valid and completes at once: the framework's own cost, nothing else.</summary>
internal sealed class BenchHcd(CswContext context) : ComponentHandlers(context)
{
    public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<ISubmitResponse>(new Completed(runId));

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => Task.CompletedTask;
}
