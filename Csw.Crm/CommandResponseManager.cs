using Csw.Actors;
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
/// It remembers <see cref="CrmOptions.Capacity"/> commands (10 by default), forgetting the least
/// recently used finished one first; commands in progress are never forgotten. A runId it does not
/// know is answered at once with an <see cref="Error"/> naming the runId. The first final response
/// wins; a later one is logged and ignored. Every QueryFinal waiter is answered: with the final
/// response, or with an <see cref="Error"/> if the CRM stops first.
/// </remarks>
public sealed class CommandResponseManager
{
    /// <summary>The actor holding the state.</summary>
    private readonly ActorRef<CrmMessage> _actor;

    /// <summary>The settings.</summary>
    private readonly CrmOptions _options;

    private CommandResponseManager(ActorRef<CrmMessage> actor, CrmOptions options)
    {
        _actor = actor;
        _options = options;
    }

    /// <summary>The actor behind the CRM, e.g. to watch it.</summary>
    public ActorRef Actor => _actor;

    /// <summary>Starts a CRM as a child of a component's actor; it stops with its parent.</summary>
    /// <typeparam name="TParent">The parent's message type.</typeparam>
    /// <param name="parent">The parent's context.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CommandResponseManager Start<TParent>(IActorContext<TParent> parent, CrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        options ??= CrmOptions.Default;
        return new(parent.Spawn(PropsFor(options), "command-response-manager"), options);
    }

    /// <summary>Starts a CRM as a top-level actor.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="name">The actor's name; generated when null.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CommandResponseManager Start(ActorSystem system, string? name = null, CrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= CrmOptions.Default;
        return new(system.Spawn(PropsFor(options), name), options);
    }

    /// <summary>
    /// Records a command's response: <see cref="Started"/> begins tracking it; a final response
    /// (also one returned at once by a handler) is remembered and handed to every QueryFinal waiter.
    /// </summary>
    /// <param name="response">The response; its runId names the command.</param>
    public void UpdateCommand(ISubmitResponse response) => _actor.Tell(new UpdateCommand(response ?? throw new ArgumentNullException(nameof(response))));

    /// <summary>The command's latest response; an <see cref="Error"/> naming the runId if it is unknown.</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<ISubmitResponse> QueryAsync(Id runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return _actor.AskAsync<ISubmitResponse>(replyTo => new Query(runId, replyTo), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The command's final response: at once if it has finished, otherwise when it does; an
    /// <see cref="Error"/> naming the runId if it is unknown.
    /// </summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="timeout">How long to wait; <see cref="CrmOptions.QueryFinalTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="AskTimeoutException">The command did not finish in time.</exception>
    public Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return _actor.AskAsync<ISubmitResponse>(replyTo => new QueryFinal(runId, replyTo), timeout ?? _options.QueryFinalTimeout, cancellationToken);
    }

    /// <summary>Sends the command's latest response to <paramref name="replyTo"/> (the actor form of <see cref="QueryAsync"/>).</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="replyTo">Where to send the response.</param>
    public void Query(Id runId, ActorRef<ISubmitResponse> replyTo) =>
        _actor.Tell(new Query(runId ?? throw new ArgumentNullException(nameof(runId)), replyTo ?? throw new ArgumentNullException(nameof(replyTo))));

    /// <summary>Sends the command's final response to <paramref name="replyTo"/> when there is one (the actor form of <see cref="QueryFinalAsync"/>).</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="replyTo">Where to send the response.</param>
    public void QueryFinal(Id runId, ActorRef<ISubmitResponse> replyTo) =>
        _actor.Tell(new QueryFinal(runId ?? throw new ArgumentNullException(nameof(runId)), replyTo ?? throw new ArgumentNullException(nameof(replyTo))));

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
        _actor.AskAsync<IReadOnlyList<Id>>(replyTo => new GetRemembered(replyTo), cancellationToken: cancellationToken);

    private static Props<CrmMessage> PropsFor(CrmOptions options) =>
        Props.Create<CrmMessage>(() => new CrmActor(options.Capacity)).WithSupervision(SupervisorStrategy.Resume);
}
