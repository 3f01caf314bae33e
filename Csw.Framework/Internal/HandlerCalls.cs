using System.Runtime.CompilerServices;
using Akka.Actor;
using Csw.Command;
using Csw.Crm;
using Csw.Framework.Internal.Logging;
using Csw.Framework.Internal.Telemetry;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// Runs one lane item against the handlers: validation, the handler call, recording in the CRM and
/// the reply. It touches no supervisor state, so when a handler awaits, the rest runs off the
/// supervisor's turn while the supervisor goes on answering. Never throws: handler exceptions
/// become responses or log entries.
/// </summary>
internal static class HandlerCalls
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public static async ValueTask RunAsync(LaneItem item, ComponentHandlers handlers, CommandResponseManager crm, ILogger log, TimeSpan shutdownTimeout)
    {
        var telemetry = handlers.Context.Telemetry;
        CommandMeasurement? measurement = null;
        if (item.RunId is { } command)
        {
            ComponentLogScope.Enter(command);
            measurement = item.Message is ComponentMessage message && CommandOf(message) is { } control ? telemetry.Begin(message, control, command) : null;
        }
        try
        {
            switch (item.Message)
            {
                case ComponentMessage.Validate validate:
                    var validation = await ValidateAsync(handlers, item.RunId!, validate.Command, log).ConfigureAwait(false);
                    validate.ReplyTo.Tell(validation, ActorRefs.NoSender);
                    telemetry.Answered(measurement, validation, crm);
                    break;
                case ComponentMessage.Submit submit:
                    var response = await SubmitAsync(handlers, item.RunId!, submit.Command, log).ConfigureAwait(false);
                    // Recorded before the caller sees it, so that the caller's next Query finds it.
                    crm.UpdateCommand(response);
                    submit.ReplyTo.Tell(response, ActorRefs.NoSender);
                    telemetry.Answered(measurement, response, crm);
                    break;
                case ComponentMessage.Oneway oneway:
                    telemetry.Answered(measurement, await OnewayAsync(handlers, item.RunId!, oneway, log).ConfigureAwait(false), crm);
                    break;
                case SupervisorMessage.GoOffline:
                    await handlers.OnGoOfflineAsync().ConfigureAwait(false);
                    break;
                case SupervisorMessage.GoOnline:
                    await handlers.OnGoOnlineAsync().ConfigureAwait(false);
                    break;
                case SupervisorMessage.DiagnosticMode mode:
                    await handlers.OnDiagnosticModeAsync(mode.StartTime, mode.Hint).ConfigureAwait(false);
                    break;
                case LocationEventReceived received:
                    await handlers.OnLocationTrackingEventAsync(received.Event).ConfigureAwait(false);
                    break;
                case SupervisorMessage.OperationsMode:
                    await handlers.OnOperationsModeAsync().ConfigureAwait(false);
                    break;
                case SupervisorMessage.Restart or SupervisorMessage.Shutdown:
                    await handlers.OnShutdownAsync().WaitAsync(shutdownTimeout).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "{Handler} failed on {Message}", handlers.GetType().Name, item.Message.GetType().Name);
        }
    }

    private static async ValueTask<IValidateResponse> ValidateAsync(ComponentHandlers handlers, Id runId, ControlCommand command, ILogger log)
    {
        try
        {
            return await handlers.ValidateCommandAsync(runId, command).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{handlers.GetType().Name}.ValidateCommandAsync returned null instead of Accepted or Invalid.");
        }
        catch (Exception e)
        {
            log.LogError(e, "ValidateCommandAsync threw on {Command} ({RunId})", command.CommandName, runId);
            return new Invalid(runId, new CommandIssue(CommandIssueKind.OtherIssue, $"Validation of {command.CommandName} failed: {e.Message}"));
        }
    }

    private static async ValueTask<ISubmitResponse> SubmitAsync(ComponentHandlers handlers, Id runId, ControlCommand command, ILogger log)
    {
        var validation = await ValidateAsync(handlers, runId, command, log).ConfigureAwait(false);
        if (validation is not Accepted)
        {
            return (ISubmitResponse)validation;
        }
        try
        {
            return await handlers.OnSubmitAsync(runId, command).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{handlers.GetType().Name}.OnSubmitAsync returned null instead of a response.");
        }
        catch (Exception e)
        {
            log.LogError(e, "OnSubmitAsync threw on {Command} ({RunId})", command.CommandName, runId);
            return new Error(runId, e.Message);
        }
    }

    private static ControlCommand? CommandOf(ComponentMessage message) => message switch
    {
        ComponentMessage.Validate validate => validate.Command,
        ComponentMessage.Submit submit => submit.Command,
        ComponentMessage.Oneway oneway => oneway.Command,
        _ => null,
    };

    // The validation's answer, once the handler has run (a oneway's outcome).
    private static async ValueTask<IValidateResponse> OnewayAsync(ComponentHandlers handlers, Id runId, ComponentMessage.Oneway oneway, ILogger log)
    {
        var validation = await ValidateAsync(handlers, runId, oneway.Command, log).ConfigureAwait(false);
        oneway.ReplyTo.Tell((IOnewayResponse)validation, ActorRefs.NoSender);
        if (validation is not Accepted)
        {
            return validation;
        }
        try
        {
            await handlers.OnOnewayAsync(runId, oneway.Command).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.LogError(e, "OnOnewayAsync threw on {Command} ({RunId})", oneway.Command.CommandName, runId);
        }
        return validation;
    }
}
