using Akka.Actor;
using Akka.Event;
using Csw.Params;
using Error = Csw.Params.Error;

namespace Csw.Crm.Internal;

/// <summary>
/// What a CRM knows — its commands by runId and its recent request ids — and every way it changes,
/// shared by the in-memory actor and the journaled one (which applies the same changes again when
/// it recovers). Answers go to an <see cref="IOutbox"/>. Not thread-safe: used on its actor's turn.
/// </summary>
internal sealed class CrmState(CrmOptions options, ILoggingAdapter log)
{
    public CommandTable Commands { get; } = new(options);

    /// <summary>Made on first use: most components never see a request id (local callers send none), and each costs memory.</summary>
    public RequestTable Requests => _requests ??= new(options);

    private RequestTable? _requests;

    public CrmOptions Options => options;

    /// <summary>Records a command's response; <see cref="UpdateOutcome.Recorded"/> when it changed something (and so is worth journaling).</summary>
    public UpdateOutcome Record(ISubmitResponse response, IOutbox outbox, bool quiet = false)
    {
        response = Reserved(response);
        var outcome = Commands.Update(response, Environment.TickCount64, out var waiters, out var previous);
        if (outcome == UpdateOutcome.SecondFinal && !quiet)
        {
            log.Warning("Command {0} already finished with {1}; the later {2} is ignored", response.RunId, previous!.GetType().Name, response.GetType().Name);
        }
        foreach (var waiter in waiters ?? [])
        {
            outbox.Send(waiter.ReplyTo, response);
        }
        return outcome;
    }

    /// <summary>Records the answer to a Submit or Oneway and sends it to the caller and to any repeats waiting for it.</summary>
    public void Respond(ICommandResponse response, IActorRef? replyTo, string? requestId, bool isSubmit, IOutbox outbox)
    {
        if (isSubmit)
        {
            Record((ISubmitResponse)response, outbox);
        }
        if (replyTo is not null)
        {
            outbox.Send(replyTo, response);
        }
        if (requestId is not null)
        {
            foreach (var repeat in Requests.Answer(requestId, response, Environment.TickCount64) ?? [])
            {
                outbox.Send(repeat, response);
            }
        }
    }

    /// <summary>Admits a request id: true when it is new (remembered now); a repeat is answered with the original answer, now or when it comes.</summary>
    public bool Admit(AdmitRequest admit, IOutbox outbox) =>
        Requests.Admit(admit.RequestId, admit.RunId, admit.CommandName, admit.IsSubmit, admit.ReplyTo, Environment.TickCount64, outbox);

    /// <summary>Applies an admission read back from the journal.</summary>
    public void Readmit(string requestId, Id runId, string commandName, bool isSubmit) =>
        Requests.Add(requestId, runId, commandName, isSubmit, Environment.TickCount64);

    public void Query(Id runId, IActorRef replyTo, IOutbox outbox) =>
        outbox.Send(replyTo, Commands.Find(runId, Environment.TickCount64)?.Latest ?? Unknown(runId));

    public void QueryFinal(Id runId, IActorRef replyTo, long givesUpAt, IOutbox outbox)
    {
        var now = Environment.TickCount64;
        var entry = Commands.Find(runId, now);
        if (entry is null)
        {
            outbox.Send(replyTo, Unknown(runId));
        }
        else if (entry.IsFinished)
        {
            outbox.Send(replyTo, entry.Latest);
        }
        else if (!CommandTable.TryAddWaiter(entry, new Waiter(replyTo, givesUpAt), options.MaxWaitersPerCommand, now))
        {
            outbox.Send(replyTo, new Status.Failure(new WaiterLimitException($"{options.MaxWaitersPerCommand} callers already wait for command {runId}, the limit; it is still running.")));
        }
    }

    /// <summary>The runIds of the commands in progress.</summary>
    public List<Id> Running() => [.. Commands.Running().Select(entry => entry.RunId)];

    /// <summary>Tells every QueryFinal caller still waiting that the component stopped (when the CRM stops).</summary>
    public void AbandonWaiters()
    {
        // Called as the CRM stops: what it remembered is gone.
        CrmTelemetry.Changed(Commands.SizeTag, -Commands.Count);
        foreach (var entry in Commands.OldestFirst())
        {
            foreach (var waiter in entry.Waiters ?? [])
            {
                waiter.ReplyTo.Tell(new Error(entry.RunId, $"The component stopped before command {entry.RunId} finished."));
            }
            entry.Waiters = null;
        }
    }

    /// <summary>CSW's answer for a runId not known here: never to be taken for the command's outcome.</summary>
    public Invalid Unknown(Id runId) =>
        new(runId, new CommandIssue(CommandIssueKind.IdNotAvailableIssue, $"No command with runId {runId} is known here: it was never submitted, or it finished and was forgotten (finished commands are kept {options.Retention.TotalSeconds:0.###} s after last use, at least the last {options.Capacity}). This says nothing of its outcome."));

    // IdNotAvailableIssue means "unknown runId" to every client: a handler's own Invalid must not say that.
    private static ISubmitResponse Reserved(ISubmitResponse response) =>
        response is Invalid { Issue.Kind: CommandIssueKind.IdNotAvailableIssue } invalid
            ? invalid with { Issue = invalid.Issue with { Kind = CommandIssueKind.OtherIssue } }
            : response;

}
