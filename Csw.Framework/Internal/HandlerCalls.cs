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
    /// <summary>
    /// Answers a command whose caller stopped waiting before its turn came, without running it: a
    /// Submit gets (and the CRM records) <see cref="Cancelled"/>, a Validate or Oneway an <see cref="Invalid"/>.
    /// </summary>
    public static void Expire(LaneItem item, CommandResponseManager crm, ILogger log, ComponentInfo info)
    {
        var runId = item.RunId!;
        var message = (ComponentMessage)item.Message;
        var why = $"{info} did not run it: its caller's deadline ({message.Deadline:O}) passed while it waited for the handlers.";
        log.LogWarning("{Component}: {Command} {RunId} expired before its turn; not run", info, item.Message.GetType().Name, runId);
        switch (message)
        {
            case ComponentMessage.Submit submit:
                crm.RespondToSubmit(new Cancelled(runId), submit.ReplyTo, submit.RequestId);
                break;
            case ComponentMessage.Oneway oneway:
                crm.RespondToOneway(new Invalid(runId, new CommandIssue(CommandIssueKind.OtherIssue, why)), oneway.ReplyTo, oneway.RequestId);
                break;
            case ComponentMessage.Validate validate:
                validate.ReplyTo.Tell(new Invalid(runId, new CommandIssue(CommandIssueKind.OtherIssue, why)), ActorRefs.NoSender);
                break;
        }
    }

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
                    crm.RespondToSubmit(response, submit.ReplyTo, submit.RequestId);
                    telemetry.Answered(measurement, response, crm);
                    break;
                case ComponentMessage.Oneway oneway:
                    telemetry.Answered(measurement, await OnewayAsync(handlers, item.RunId!, oneway, crm, log).ConfigureAwait(false), crm);
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
                    // Kept on the item: a new instance must not start while this still runs (the restart fence).
                    item.HandlerTask = handlers.OnShutdownAsync();
                    await item.HandlerTask.WaitAsync(shutdownTimeout).ConfigureAwait(false);
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
    private static async ValueTask<IValidateResponse> OnewayAsync(ComponentHandlers handlers, Id runId, ComponentMessage.Oneway oneway, CommandResponseManager crm, ILogger log)
    {
        var validation = await ValidateAsync(handlers, runId, oneway.Command, log).ConfigureAwait(false);
        crm.RespondToOneway((IOnewayResponse)validation, oneway.ReplyTo, oneway.RequestId);
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
