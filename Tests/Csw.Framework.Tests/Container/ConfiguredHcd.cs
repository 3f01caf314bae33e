using Csw.Params;

namespace Csw.Framework.Tests.Container;

/// <summary>A handlers class a configuration can name: it completes every command at once.</summary>
public sealed class ConfiguredHcd(CswContext context) : ComponentHandlers(context)
{
    public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command) => ValueTask.FromResult<ISubmitResponse>(new Completed(runId));

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => Task.CompletedTask;
}

/// <summary>A handlers class whose initialize always fails.</summary>
public sealed class FailingHcd(CswContext context) : ComponentHandlers(context)
{
    public override Task InitializeAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("no hardware");

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) => ValueTask.FromResult<IValidateResponse>(new Accepted(runId));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command) => ValueTask.FromResult<ISubmitResponse>(new Completed(runId));

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => Task.CompletedTask;
}
