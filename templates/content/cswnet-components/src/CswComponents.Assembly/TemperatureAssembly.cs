using Csw.Command;
using Csw.Framework;
using Csw.Params;
using CswComponents.Hcd;

namespace CswComponents.Assembly;

/// <summary>
/// An assembly that drives the temperature controller HCD: its <c>setTemperature</c> answers
/// <see cref="Started"/>, sends the HCD the same command and completes with the HCD's outcome.
/// </summary>
public sealed class TemperatureAssembly(CswContext context) : ComponentHandlers(context)
{
    /// <summary>The HCD it drives, as listed in its connections (config/).</summary>
    public static readonly ComponentId Controller = new(Prefix.Parse("TCS.temp.controller"), ComponentType.HCD);

    private ICommandService? _controller;

    public override async Task InitializeAsync(CancellationToken cancellationToken) =>
        // Found through the location service: in this process, or in another one registered in the same location service.
        _controller = await Context.CommandServiceForAsync(Controller, cancellationToken: cancellationToken);

    public override ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command) =>
        ValueTask.FromResult<IValidateResponse>(command.CommandName.Name == "setTemperature" && command.Exists(TemperatureHcd.Target)
            ? new Accepted(runId)
            : new Invalid(runId, new CommandIssue(CommandIssueKind.UnsupportedCommandIssue, "This assembly runs setTemperature with a double 'target' in kelvin.")));

    public override ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command)
    {
        var setTemperature = new Setup(Context.ComponentInfo.Prefix, "setTemperature").Add(command.Get(TemperatureHcd.Target));
        _ = ReportAsync(runId, _controller!.SubmitAndWaitAsync(setTemperature));
        return ValueTask.FromResult<ISubmitResponse>(new Started(runId));
    }

    public override ValueTask OnOnewayAsync(Id runId, ControlCommand command) => ValueTask.CompletedTask;

    public override Task OnShutdownAsync() => Task.CompletedTask;

    private async Task ReportAsync(Id runId, Task<ISubmitResponse> sent)
    {
        ISubmitResponse final;
        try
        {
            final = await sent switch
            {
                Completed completed => new Completed(runId, completed.Result),
                Invalid invalid => new Error(runId, $"The controller refused: {invalid.Issue.Reason}"),
                var other => new Error(runId, $"The controller answered {other.GetType().Name}."),
            };
        }
        catch (Exception e)
        {
            final = new Error(runId, $"The controller did not answer: {e.Message}");
        }
        Context.CommandResponseManager.UpdateCommand(final);
    }
}
