using Akka.Actor;
using Csw.Crm.Internal;
using Csw.Params;

namespace Csw.Crm;

/// <summary>
/// A component's memory of its recent commands (the CRM). The component records each command's
/// responses (<see cref="UpdateCommand"/>); callers ask for the latest (<see cref="QueryAsync"/>)
/// or wait for the final one (<see cref="QueryFinalAsync"/>). Backed by an actor; every method is
/// safe from any thread.
/// </summary>
/// <remarks>
/// It remembers every command in progress, the last <see cref="CrmOptions.Capacity"/> commands and
/// finished commands used within <see cref="CrmOptions.Retention"/>. A runId it does not know is
/// answered at once with <see cref="UnknownCommandException"/> (on the wire, CSW's
/// <c>Invalid(runId, IdNotAvailableIssue)</c>), never with a made-up outcome. The first final
/// response wins; a later one is logged and ignored. Every QueryFinal waiter is answered: with the
/// final response, or with an <see cref="Params.Error"/> if the CRM stops first. With a
/// <see cref="CrmOptions.Journal"/>, what it records survives a crash of the process (see docs/Reliability.md).
/// </remarks>
public sealed class CommandResponseManager
{
    /// <summary>How long the diagnostic and query asks wait for the actor.</summary>
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The actor holding the state.</summary>
    private readonly IActorRef _actor;

    /// <summary>The settings.</summary>
    private readonly CrmOptions _options;

    /// <summary>
    /// The recent request ids of a CRM without a journal, kept here rather than in the actor, so that
    /// admitting a request and answering it cost no message to the actor and back; locked, since
    /// every method is safe from any thread. Null with a journal: its actor journals them.
    /// </summary>
    private readonly RequestTable? _requests;

    private CommandResponseManager(IActorRef actor, CrmOptions options)
    {
        _actor = actor;
        _options = options;
        _requests = options.Journal is null ? new RequestTable(options) : null;
    }

    /// <summary>The actor behind the CRM, e.g. to watch it.</summary>
    public IActorRef Actor => _actor;

    /// <summary>Whether the CRM journals (<see cref="CrmOptions.Journal"/>): its answers then wait until what they report is journaled.</summary>
    public bool IsJournaled => _options.Journal is not null;

    /// <summary>Starts a CRM as a child of a component's actor; it stops with its parent.</summary>
    /// <param name="parent">The parent's context.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CommandResponseManager Start(IActorContext parent, CrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        options ??= CrmOptions.Default;
        return new(parent.ActorOf(PropsFor(options), "command-response-manager"), options);
    }

    /// <summary>Starts a CRM as a top-level actor.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="name">The actor's name; generated when null.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CommandResponseManager Start(ActorSystem system, string? name = null, CrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= CrmOptions.Default;
        return new(system.ActorOf(PropsFor(options), name), options);
    }

    /// <summary>
    /// Records a command's response: <see cref="Started"/> begins tracking it; a final response
    /// (also one returned at once by a handler) is remembered and handed to every QueryFinal waiter.
    /// </summary>
    /// <param name="response">The response; its runId names the command.</param>
    public void UpdateCommand(ISubmitResponse response) => _actor.Tell(new UpdateCommand(response ?? throw new ArgumentNullException(nameof(response))));

    /// <summary>
    /// Records the first response to a Submit (the handler's, or the supervisor's refusal) and sends it
    /// to the caller: at once without a journal, once journaled with one. With a request id, repeats
    /// of the request get the same response.
    /// </summary>
    /// <param name="response">The response; its runId names the command.</param>
    /// <param name="replyTo">The caller.</param>
    /// <param name="requestId">The request id the Submit came with, if any.</param>
    internal void RespondToSubmit(ISubmitResponse response, IActorRef replyTo, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(replyTo);
        if (_requests is not null)
        {
            // Without a journal, one message to the CRM: recorded before the caller hears of it,
            // since whatever the caller sends next reaches the CRM after this.
            _actor.Tell(new UpdateCommand(response));
            replyTo.Tell(response, ActorRefs.NoSender);
            AnswerRepeats(requestId, response);
            return;
        }
        _actor.Tell(new Respond(response, replyTo, requestId, IsSubmit: true));
    }

    /// <summary>Sends the answer to a Oneway to the caller; with a request id, remembers it for repeats of the request (journaled with a journal).</summary>
    /// <param name="response">The answer: <see cref="Accepted"/>, <see cref="Invalid"/> or <see cref="Locked"/>.</param>
    /// <param name="replyTo">The caller.</param>
    /// <param name="requestId">The request id the Oneway came with, if any.</param>
    internal void RespondToOneway(IOnewayResponse response, IActorRef replyTo, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(replyTo);
        if (requestId is null || _requests is not null)
        {
            replyTo.Tell(response, ActorRefs.NoSender);
            AnswerRepeats(requestId, response);
            return;
        }
        _actor.Tell(new Respond(response, replyTo, requestId, IsSubmit: false));
    }

    /// <summary>
    /// Admits a Submit or Oneway that came with a request id (the supervisor does this before running
    /// it). A new request id is remembered with <paramref name="runId"/> (journaled first, with a
    /// journal), and <paramref name="admitted"/> is sent to <paramref name="requester"/>: run it now. A
    /// repeat is not run: <paramref name="replyTo"/> gets the original answer, now or when it comes
    /// (or an <see cref="Invalid"/> if the request id was used for another command).
    /// </summary>
    /// <param name="requestId">The client's request id.</param>
    /// <param name="runId">The runId the command gets if it is new.</param>
    /// <param name="commandName">The command's name, to tell a repeat from a reused request id.</param>
    /// <param name="isSubmit">A Submit, or a Oneway.</param>
    /// <param name="replyTo">The caller.</param>
    /// <param name="admitted">What to send <paramref name="requester"/> when the request is new.</param>
    /// <param name="requester">Who runs new requests (the supervisor).</param>
    internal void AdmitRequest(string requestId, Id runId, string commandName, bool isSubmit, IActorRef replyTo, object admitted, IActorRef requester)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        if (_requests is not null)
        {
            if (AdmitRequestNow(requestId, runId, commandName, isSubmit, replyTo))
            {
                requester.Tell(admitted, ActorRefs.NoSender);
            }
            return;
        }
        _actor.Tell(new AdmitRequest(requestId, runId, commandName, isSubmit, replyTo, admitted, requester));
    }

    /// <summary>
    /// Admits a Submit or Oneway that came with a request id at once, when the CRM has no journal
    /// (<see cref="IsJournaled"/> false): true when the request id is new (remembered with
    /// <paramref name="runId"/>: run the command now); false for a repeat, which is not run:
    /// <paramref name="replyTo"/> gets the original answer, now or when it comes (or an
    /// <see cref="Invalid"/> if the request id was used for another command). With a journal, the
    /// request id must be journaled before the command runs: use <see cref="AdmitRequest"/>.
    /// </summary>
    /// <param name="requestId">The client's request id.</param>
    /// <param name="runId">The runId the command gets if it is new.</param>
    /// <param name="commandName">The command's name, to tell a repeat from a reused request id.</param>
    /// <param name="isSubmit">A Submit, or a Oneway.</param>
    /// <param name="replyTo">The caller.</param>
    /// <exception cref="InvalidOperationException">The CRM journals.</exception>
    internal bool AdmitRequestNow(string requestId, Id runId, string commandName, bool isSubmit, IActorRef replyTo)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(replyTo);
        var requests = _requests ?? throw new InvalidOperationException("A journaled CRM admits request ids once they are journaled: use AdmitRequest.");
        lock (requests)
        {
            return requests.Admit(requestId, runId, commandName, isSubmit, replyTo, Environment.TickCount64, DirectOutbox.Instance);
        }
    }

    /// <summary>Without a journal: remembers the first answer to a request id and sends it to the repeats that wait for it.</summary>
    private void AnswerRepeats(string? requestId, ICommandResponse response)
    {
        if (requestId is null || _requests is null)
        {
            return;
        }
        List<IActorRef>? repeats;
        lock (_requests)
        {
            repeats = _requests.Answer(requestId, response, Environment.TickCount64);
        }
        foreach (var repeat in repeats ?? [])
        {
            repeat.Tell(response, ActorRefs.NoSender);
        }
    }

    /// <summary>
    /// Ends every command still in progress with <c>Error(runId, reason)</c>, which every QueryFinal
    /// waiter then gets (a component does this when it restarts: the old handlers will not finish them).
    /// </summary>
    /// <param name="reason">The error's message.</param>
    public void EndRunning(string reason) => _actor.Tell(new EndRunning(reason ?? throw new ArgumentNullException(nameof(reason))));

    /// <summary>The command's latest response.</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="UnknownCommandException">The CRM does not know the runId (never submitted here, or forgotten).</exception>
    /// <exception cref="TimeoutException">The CRM did not answer within 10 s (it is stopped or overloaded).</exception>
    public async Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return UnknownCommandException.ThrowIfUnknown(await AskAsync<ISubmitResponse>(replyTo => new Query(runId, replyTo), AskTimeout, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The command's final response: at once if it has finished, otherwise when it does.</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="timeout">How long to wait; <see cref="CrmOptions.QueryFinalTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="UnknownCommandException">The CRM does not know the runId (never submitted here, or forgotten).</exception>
    /// <exception cref="TimeoutException">The command did not finish in time.</exception>
    /// <exception cref="WaiterLimitException">Too many callers already wait for this command.</exception>
    public async Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var wait = timeout ?? _options.QueryFinalTimeout;
        var givesUpAt = GivesUpAt(DateTime.UtcNow + wait);
        return UnknownCommandException.ThrowIfUnknown(await AskAsync<ISubmitResponse>(replyTo => new QueryFinal(runId, replyTo, givesUpAt), wait, cancellationToken, $"Command {runId} did not finish within {wait.TotalSeconds:0.###} s.").ConfigureAwait(false));
    }

    /// <summary>
    /// Sends the command's latest response to <paramref name="replyTo"/> (the actor form of
    /// <see cref="QueryAsync"/>); <c>Invalid(runId, IdNotAvailableIssue)</c> if the runId is unknown.
    /// </summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="replyTo">Where to send the response.</param>
    public void Query(Id runId, IActorRef replyTo) =>
        _actor.Tell(new Query(runId ?? throw new ArgumentNullException(nameof(runId)), replyTo ?? throw new ArgumentNullException(nameof(replyTo))));

    /// <summary>
    /// Sends the command's final response to <paramref name="replyTo"/> when there is one (the actor
    /// form of <see cref="QueryFinalAsync"/>); <c>Invalid(runId, IdNotAvailableIssue)</c> at once if
    /// the runId is unknown; a <see cref="Status.Failure"/> holding a <see cref="WaiterLimitException"/>
    /// when too many callers already wait.
    /// </summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="replyTo">Where to send the response.</param>
    /// <param name="deadline">When the caller stops waiting (UTC); after it, its place among the waiters may go to another. Never, when null.</param>
    public void QueryFinal(Id runId, IActorRef replyTo, DateTime? deadline = null) =>
        _actor.Tell(new QueryFinal(runId ?? throw new ArgumentNullException(nameof(runId)), replyTo ?? throw new ArgumentNullException(nameof(replyTo)), deadline is { } at ? GivesUpAt(at) : long.MaxValue));

    /// <summary>
    /// Waits for the final responses of several sub-commands (typically from other components'
    /// command services): <see cref="OverallSuccess"/> if all completed, otherwise
    /// <see cref="OverallFailure"/>; the responses keep the order given.
    /// </summary>
    /// <param name="responses">The sub-commands' final responses, as tasks.</param>
    public async Task<OverallResponse> QueryFinalAllAsync(params IEnumerable<Task<ISubmitResponse>> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var all = await Task.WhenAll(responses).ConfigureAwait(false);
        return all.All(r => r is Completed) ? new OverallSuccess(all) : new OverallFailure(all);
    }

    /// <summary>The runIds remembered, least recently used first (for diagnostics and tests).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<IReadOnlyList<Id>> RememberedAsync(CancellationToken cancellationToken = default) =>
        AskAsync<IReadOnlyList<Id>>(replyTo => new GetRemembered(replyTo), AskTimeout, cancellationToken);

    private static Props PropsFor(CrmOptions options)
    {
        if (options.Journal is null)
        {
            return Props.Create(() => new CrmActor(options));
        }
        var persistenceId = options.PersistenceId ?? throw new ArgumentException("A journaled CRM needs CrmOptions.PersistenceId.", nameof(options));
        return Props.Create(() => new Internal.Journal.JournaledCrmActor(options, persistenceId));
    }

    /// <summary>A UTC deadline as <see cref="Environment.TickCount64"/>, the clock the actor compares with.</summary>
    private static long GivesUpAt(DateTime deadline)
    {
        var left = (deadline - DateTime.UtcNow).TotalMilliseconds;
        return left >= long.MaxValue / 2 ? long.MaxValue : Environment.TickCount64 + (long)left;
    }

    // Akka's AskTimeoutException is not a TimeoutException; callers of a CswNet API catch the latter.
    private async Task<T> AskAsync<T>(Func<IActorRef, object> request, TimeSpan timeout, CancellationToken cancellationToken, string? timeoutMessage = null)
    {
        try
        {
            return await _actor.Ask<T>(request, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new TimeoutException(timeoutMessage ?? $"The CommandResponseManager ({_actor.Path}) did not answer within {timeout.TotalSeconds:0.###} s.", e);
        }
    }
}
