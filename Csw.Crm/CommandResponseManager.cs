using Akka.Actor;
using Csw.Crm.Internal;
using Csw.Params;

namespace Csw.Crm;

/// <summary>
/// A component's memory of its recent commands (the CRM). The component records each command's
/// responses (<see cref="UpdateCommand"/>); callers ask for the latest (<see cref="QueryAsync"/>)
/// or wait for the final one (<see cref="QueryFinalAsync"/>). Every method is safe from any thread.
/// Without a journal, its state lives here and every method works on it in the caller's thread,
/// under a lock (a component's commands cost no message to another actor). With a journal, its
/// actor holds the state and journals each change before anyone hears of it.
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

    /// <summary>The CRM's actor: with a journal it holds the state; without one, it gives the CRM its place among the component's children.</summary>
    private readonly IActorRef _actor;

    /// <summary>The settings.</summary>
    private readonly CrmOptions _options;

    /// <summary>
    /// The commands and recent request ids of a CRM without a journal, changed and read here, in the
    /// caller's thread, under a lock on it: recording a response, admitting a request id or answering
    /// a query costs no message to an actor. Null with a journal: its actor journals every change
    /// before it answers.
    /// </summary>
    private readonly CrmState? _state;

    /// <summary>The provider and path of the in-memory CRM's QueryFinalAsync waiters (<see cref="WaiterRef"/>).</summary>
    private readonly IActorRefProvider _provider;

    private readonly ActorPath _waiterPath;

    private CommandResponseManager(IActorRef actor, CrmOptions options, CrmState? state, ActorSystem system)
    {
        _actor = actor;
        _options = options;
        _state = state;
        _provider = ((ExtendedActorSystem)system).Provider;
        _waiterPath = actor.Path / "$query-final";
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
        var state = InMemoryState(parent.System, options, parent.Self.Path.Name);
        return new(parent.ActorOf(PropsFor(options, state), "command-response-manager"), options, state, parent.System);
    }

    /// <summary>Starts a CRM as a top-level actor.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="name">The actor's name; generated when null.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CommandResponseManager Start(ActorSystem system, string? name = null, CrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= CrmOptions.Default;
        var state = InMemoryState(system, options, "user");
        return new(system.ActorOf(PropsFor(options, state), name), options, state, system);
    }

    /// <summary>
    /// Records a command's response: <see cref="Started"/> begins tracking it; a final response
    /// (also one returned at once by a handler) is remembered and handed to every QueryFinal waiter.
    /// </summary>
    /// <param name="response">The response; its runId names the command.</param>
    public void UpdateCommand(ISubmitResponse response) => Send(new UpdateCommand(response ?? throw new ArgumentNullException(nameof(response))));

    /// <summary>
    /// Records the first response to a Submit (the handler's, or the supervisor's refusal) and sends it
    /// to the caller: at once without a journal, once journaled with one. With a request id, repeats
    /// of the request get the same response.
    /// </summary>
    /// <param name="response">The response; its runId names the command.</param>
    /// <param name="replyTo">The caller.</param>
    /// <param name="requestId">The request id the Submit came with, if any.</param>
    public void RespondToSubmit(ISubmitResponse response, IActorRef replyTo, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(replyTo);
        Send(new Respond(response, replyTo, requestId, IsSubmit: true));
    }

    /// <summary>Sends the answer to a Oneway to the caller; with a request id, remembers it for repeats of the request (journaled with a journal).</summary>
    /// <param name="response">The answer: <see cref="Accepted"/>, <see cref="Invalid"/> or <see cref="Locked"/>.</param>
    /// <param name="replyTo">The caller.</param>
    /// <param name="requestId">The request id the Oneway came with, if any.</param>
    public void RespondToOneway(IOnewayResponse response, IActorRef replyTo, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(replyTo);
        if (requestId is null)
        {
            // Nothing to remember: a Oneway's answer is not recorded.
            replyTo.Tell(response, ActorRefs.NoSender);
            return;
        }
        Send(new Respond(response, replyTo, requestId, IsSubmit: false));
    }

    /// <summary>
    /// Without a journal, applies the change or query here and now, under the state's lock (so a
    /// response is recorded before the caller hears of it, and its next Query finds it); with one,
    /// tells the journaling actor, which answers once the change is journaled.
    /// </summary>
    private void Send(object message)
    {
        if (_state is null)
        {
            _actor.Tell(message);
            return;
        }
        lock (_state)
        {
            _state.Apply(message, DirectOutbox.Instance);
        }
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
    public void AdmitRequest(string requestId, Id runId, string commandName, bool isSubmit, IActorRef replyTo, object admitted, IActorRef requester)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        if (_state is not null)
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
    public bool AdmitRequestNow(string requestId, Id runId, string commandName, bool isSubmit, IActorRef replyTo)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(replyTo);
        var state = _state ?? throw new InvalidOperationException("A journaled CRM admits request ids once they are journaled: use AdmitRequest.");
        lock (state)
        {
            return state.Requests.Admit(requestId, runId, commandName, isSubmit, replyTo, Environment.TickCount64, DirectOutbox.Instance);
        }
    }

    /// <summary>
    /// Ends every command still in progress with <c>Error(runId, reason)</c>, which every QueryFinal
    /// waiter then gets (a component does this when it restarts: the old handlers will not finish them).
    /// </summary>
    /// <param name="reason">The error's message.</param>
    public void EndRunning(string reason) => Send(new EndRunning(reason ?? throw new ArgumentNullException(nameof(reason))));

    /// <summary>The command's latest response.</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="UnknownCommandException">The CRM does not know the runId (never submitted here, or forgotten).</exception>
    /// <exception cref="TimeoutException">With a journal: the CRM did not answer within 10 s (it is stopped or overloaded). Without one the answer is immediate.</exception>
    public async Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        if (_state is null)
        {
            return UnknownCommandException.ThrowIfUnknown(await AskAsync<ISubmitResponse>(replyTo => new Query(runId, replyTo), AskTimeout, cancellationToken).ConfigureAwait(false));
        }
        cancellationToken.ThrowIfCancellationRequested();
        lock (_state)
        {
            return UnknownCommandException.ThrowIfUnknown(_state.Latest(runId));
        }
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
        if (_state is null)
        {
            return UnknownCommandException.ThrowIfUnknown(await AskAsync<ISubmitResponse>(replyTo => new QueryFinal(runId, replyTo, givesUpAt), wait, cancellationToken).ConfigureAwait(false));
        }
        var waiter = new WaiterRef(_waiterPath, _provider);
        Send(new QueryFinal(runId, waiter, givesUpAt));
        try
        {
            return UnknownCommandException.ThrowIfUnknown(await waiter.Task.WaitAsync(wait, cancellationToken).ConfigureAwait(false));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Command {runId} did not finish within {wait.TotalSeconds:0.###} s.", e);
        }
    }

    /// <summary>
    /// Sends the command's latest response to <paramref name="replyTo"/> (the actor form of
    /// <see cref="QueryAsync"/>); <c>Invalid(runId, IdNotAvailableIssue)</c> if the runId is unknown.
    /// </summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="replyTo">Where to send the response.</param>
    public void Query(Id runId, IActorRef replyTo) =>
        Send(new Query(runId ?? throw new ArgumentNullException(nameof(runId)), replyTo ?? throw new ArgumentNullException(nameof(replyTo))));

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
        Send(new QueryFinal(runId ?? throw new ArgumentNullException(nameof(runId)), replyTo ?? throw new ArgumentNullException(nameof(replyTo)), deadline is { } at ? GivesUpAt(at) : long.MaxValue));

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
    public Task<IReadOnlyList<Id>> RememberedAsync(CancellationToken cancellationToken = default)
    {
        if (_state is null)
        {
            return AskAsync<IReadOnlyList<Id>>(replyTo => new GetRemembered(replyTo), AskTimeout, cancellationToken);
        }
        lock (_state)
        {
            return Task.FromResult<IReadOnlyList<Id>>([.. _state.Commands.OldestFirst().Select(entry => entry.RunId)]);
        }
    }

    /// <summary>The state of a CRM without a journal (null with one), its size counted under the parent's name (a component's supervisor is named after its prefix).</summary>
    private static CrmState? InMemoryState(ActorSystem system, CrmOptions options, string parentName)
    {
        if (options.Journal is not null)
        {
            return null;
        }
        var state = new CrmState(options, Akka.Event.Logging.GetLogger(system, $"{nameof(CommandResponseManager)}({parentName})"));
        state.Commands.SizeTag = CrmTelemetry.ComponentTag(parentName);
        return state;
    }

    private static Props PropsFor(CrmOptions options, CrmState? state)
    {
        if (state is not null)
        {
            return Props.Create(() => new CrmActor(state));
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
    private async Task<T> AskAsync<T>(Func<IActorRef, object> request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _actor.Ask<T>(request, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new TimeoutException($"The CommandResponseManager ({_actor.Path}) did not answer within {timeout.TotalSeconds:0.###} s.", e);
        }
    }
}
