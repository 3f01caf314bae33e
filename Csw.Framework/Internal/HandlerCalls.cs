using System.Runtime.CompilerServices;
using Akka.Actor;
using Csw.Command;
using Csw.Crm;
using Csw.Framework.Internal.Logging;
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
        if (item.RunId is { } command)
        {
            ComponentLogScope.Enter(command);
        }
        try
        {
            switch (item.Message)
            {
                case ComponentMessage.Validate validate:
                    validate.ReplyTo.Tell(await ValidateAsync(handlers, item.RunId!, validate.Command, log).ConfigureAwait(false), ActorRefs.NoSender);
                    break;
                case ComponentMessage.Submit submit:
                    var response = await SubmitAsync(handlers, item.RunId!, submit.Command, log).ConfigureAwait(false);
                    // Recorded before the caller sees it, so that the caller's next Query finds it.
                    crm.UpdateCommand(response);
                    submit.ReplyTo.Tell(response, ActorRefs.NoSender);
                    break;
                case ComponentMessage.Oneway oneway:
                    await OnewayAsync(handlers, item.RunId!, oneway, log).ConfigureAwait(false);
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

    private static async ValueTask OnewayAsync(ComponentHandlers handlers, Id runId, ComponentMessage.Oneway oneway, ILogger log)
    {
        var validation = await ValidateAsync(handlers, runId, oneway.Command, log).ConfigureAwait(false);
        oneway.ReplyTo.Tell((IOnewayResponse)validation, ActorRefs.NoSender);
        if (validation is not Accepted)
        {
            return;
        }
        try
        {
            await handlers.OnOnewayAsync(runId, oneway.Command).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.LogError(e, "OnOnewayAsync threw on {Command} ({RunId})", oneway.Command.CommandName, runId);
        }
    }
}
