using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Csw.Params;
using Error = Csw.Params.Error;

namespace Csw.Crm.Internal.Journal;

/// <summary>
/// The CRM with a journal (Akka.Persistence): every change to its <see cref="CrmState"/> is written
/// as an event, batched (<c>PersistAsync</c>), and no answer leaves before the events it reports
/// are written, so a caller never sees what a crash could take back. The state changes at once, so
/// that a repeat of a request that is still being written is recognised. On recovery it replays
/// its snapshot and events, then ends what the crash cut off: commands in progress and requests not
/// yet answered get an <see cref="Error"/> saying they were interrupted. A snapshot every
/// <see cref="CrmOptions.SnapshotInterval"/> events (older events deleted) keeps recovery short.
/// </summary>
internal sealed class JournaledCrmActor : ReceivePersistentActor
{
    private readonly CrmState _state;

    private readonly string _persistenceId;

    private readonly ILoggingAdapter _log;

    /// <summary>Events written since the last snapshot.</summary>
    private int _sinceSnapshot;

    /// <summary>Whether a snapshot is being saved.</summary>
    private bool _snapshotting;

    public JournaledCrmActor(CrmOptions options, string persistenceId)
    {
        _persistenceId = persistenceId;
        (JournalPluginId, SnapshotPluginId) = CrmJournalPlugins.For(Context.System, options.Journal!);
        _log = Context.GetLogger();
        _state = new CrmState(options, _log);
        _state.Commands.SizeTag = CrmTelemetry.ComponentTag(Context.Parent.Path.Name);
        var discard = DiscardOutbox.Instance;
        Recover<SnapshotOffer>(offer => Restore((CrmSnapshot)CrmJournalCodec.Decode((byte[])offer.Snapshot)));
        Recover<byte[]>(bytes => Replay(CrmJournalCodec.Decode(bytes), discard));
        Recover<RecoveryCompleted>(_ => EndInterrupted());

        Command<UpdateCommand>(update =>
        {
            var outbox = new HeldOutbox();
            if (_state.Record(update.Response, outbox) == UpdateOutcome.Recorded)
            {
                Write(new CommandRecorded(update.Response), outbox);
            }
        });
        Command<Respond>(respond =>
        {
            var outbox = new HeldOutbox();
            _state.Respond(respond.Response, respond.ReplyTo, respond.RequestId, respond.IsSubmit, outbox);
            Write(respond.RequestId is { } requestId ? new RequestAnswered(requestId, respond.Response, respond.IsSubmit) : new CommandRecorded((ISubmitResponse)respond.Response), outbox);
        });
        Command<AdmitRequest>(admit =>
        {
            var outbox = new HeldOutbox();
            if (_state.Admit(admit, outbox))
            {
                outbox.Send(admit.Requester, admit.Admitted);
                Write(new RequestAdmitted(admit.RequestId, admit.RunId, admit.CommandName, admit.IsSubmit), outbox);
            }
            else
            {
                Answer(outbox);
            }
        });
        Command<Query>(query => Answer(With(outbox => _state.Query(query.RunId, query.ReplyTo, outbox))));
        Command<QueryFinal>(queryFinal => Answer(With(outbox => _state.QueryFinal(queryFinal.RunId, queryFinal.ReplyTo, queryFinal.GivesUpAt, outbox))));
        Command<EndRunning>(end => EndRunning(_ => end.Reason));
        Command<GetRemembered>(get => get.ReplyTo.Tell(_state.Commands.OldestFirst().Select(entry => entry.RunId).ToList()));
        Command<SaveSnapshotSuccess>(saved =>
        {
            _snapshotting = false;
            DeleteMessages(saved.Metadata.SequenceNr);
            DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1));
        });
        Command<SaveSnapshotFailure>(failed =>
        {
            _snapshotting = false;
            _log.Warning("CRM {0} could not save a snapshot (recovery reads more events until one is saved): {1}", _persistenceId, failed.Cause.Message);
        });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(failed => _log.Warning("CRM {0} could not delete events before its snapshot: {1}", _persistenceId, failed.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => _log.Warning("CRM {0} could not delete old snapshots: {1}", _persistenceId, failed.Cause.Message));
    }

    public override string PersistenceId => _persistenceId;

    /// <summary>The reason an interrupted command gets, in its <see cref="Error"/>.</summary>
    public static string Interrupted(Id runId) => $"Command {runId} was interrupted: the component restarted before it finished.";

    protected override void PostStop()
    {
        _state.AbandonWaiters();
        base.PostStop();
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _log.Error(reason, "CRM {0} could not read its journal; it stops, and the component cannot answer queries", _persistenceId);
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "CRM {0} could not write to its journal; it stops, and the component cannot answer queries", _persistenceId);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    private static HeldOutbox With(Action<HeldOutbox> answer)
    {
        var outbox = new HeldOutbox();
        answer(outbox);
        return outbox;
    }

    /// <summary>Sends answers once every event written before them is written (at once when none is pending).</summary>
    private void Answer(HeldOutbox outbox)
    {
        if (!outbox.IsEmpty)
        {
            DeferAsync(outbox, held => held.Flush());
        }
    }

    private void Write(object @event, HeldOutbox outbox) => PersistAsync(CrmJournalCodec.Encode(@event), _ =>
    {
        outbox.Flush();
        Written(1);
    });

    private void Replay(object @event, IOutbox discard)
    {
        switch (@event)
        {
            case CommandRecorded recorded:
                _state.Record(recorded.Response, discard, quiet: true);
                break;
            case RequestAdmitted admitted:
                _state.Readmit(admitted.RequestId, admitted.RunId, admitted.CommandName, admitted.IsSubmit);
                break;
            case RequestAnswered answered:
                _state.Respond(answered.Answer, null, answered.RequestId, answered.IsSubmit, discard);
                break;
        }
    }

    private void Written(int events)
    {
        _sinceSnapshot += events;
        if (_sinceSnapshot >= _state.Options.SnapshotInterval && !_snapshotting)
        {
            _snapshotting = true;
            _sinceSnapshot = 0;
            SaveSnapshot(CrmJournalCodec.Encode(Snapshot()));
        }
    }

    /// <summary>After recovery: what the crash cut off gets its final answer.</summary>
    private void EndInterrupted()
    {
        var events = new List<object>();
        foreach (var request in _state.Requests.Unanswered())
        {
            ICommandResponse answer = request.IsSubmit
                ? new Error(request.RunId, Interrupted(request.RunId))
                : new Invalid(request.RunId, new CommandIssue(CommandIssueKind.OtherIssue, $"Oneway {request.RunId} was interrupted: the component restarted before it answered; it may or may not have run."));
            _state.Respond(answer, null, request.RequestId, request.IsSubmit, DiscardOutbox.Instance);
            events.Add(new RequestAnswered(request.RequestId, answer, request.IsSubmit));
        }
        EndRunning(Interrupted, events);
        if (events.Count > 0)
        {
            _log.Info("CRM {0} recovered; {1} commands and requests cut off by the restart end as interrupted", _persistenceId, events.Count);
        }
    }

    private void EndRunning(Func<Id, string> reason, List<object>? events = null)
    {
        events ??= [];
        var outbox = new HeldOutbox();
        foreach (var runId in _state.Running())
        {
            var ended = new Error(runId, reason(runId));
            _state.Record(ended, outbox);
            events.Add(new CommandRecorded(ended));
        }
        if (events.Count == 0)
        {
            return;
        }
        var left = events.Count;
        PersistAllAsync(events.Select(CrmJournalCodec.Encode), _ =>
        {
            if (--left == 0)
            {
                outbox.Flush();
                Written(events.Count);
            }
        });
    }

    private CrmSnapshot Snapshot() => new(
        [.. _state.Commands.OldestFirst().Select(entry => entry.Latest)],
        [.. _state.Requests.OldestFirst().Select(request => new SnapshotRequest(request.RequestId, request.RunId, request.CommandName, request.IsSubmit, request.Answer))]);

    private void Restore(CrmSnapshot snapshot)
    {
        foreach (var response in snapshot.Commands)
        {
            _state.Record(response, DiscardOutbox.Instance, quiet: true);
        }
        foreach (var request in snapshot.Requests)
        {
            _state.Readmit(request.RequestId, request.RunId, request.CommandName, request.IsSubmit);
            if (request.Answer is { } answer)
            {
                // The command's own response is among the commands already; only the request's answer is restored.
                _state.Respond(answer, null, request.RequestId, isSubmit: false, DiscardOutbox.Instance);
            }
        }
    }
}
