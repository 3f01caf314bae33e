using Akka.Actor;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Admin;

/// <summary>
/// <see cref="IAdminService"/> for a component's supervisor actor: <see cref="SupervisorMessage"/>s
/// asked through <paramref name="ask"/>, a lean local reply address in this process, Akka's Ask over
/// Akka.Remote.
/// </summary>
internal sealed class ActorAdminService(IActorAsk ask, CommandServiceOptions options) : IAdminService
{
    public Task<LockingResponse> LockAsync(Prefix source, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ask.AskAsync<LockingResponse>(replyTo => new SupervisorMessage.Lock(source, leaseDuration, replyTo), options.Timeout, cancellationToken);
    }

    public Task<LockingResponse> UnlockAsync(Prefix source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ask.AskAsync<LockingResponse>(replyTo => new SupervisorMessage.Unlock(source, replyTo), options.Timeout, cancellationToken);
    }

    public Task<SupervisorLifecycleState> GoOnlineAsync(CancellationToken cancellationToken = default) =>
        ask.AskAsync<SupervisorLifecycleState>(replyTo => new SupervisorMessage.GoOnline { ReplyTo = replyTo }, options.Timeout, cancellationToken);

    public Task<SupervisorLifecycleState> GoOfflineAsync(CancellationToken cancellationToken = default) =>
        ask.AskAsync<SupervisorLifecycleState>(replyTo => new SupervisorMessage.GoOffline { ReplyTo = replyTo }, options.Timeout, cancellationToken);

    public Task<SupervisorLifecycleState> DiagnosticModeAsync(UtcTime startTime, string hint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hint);
        return ask.AskAsync<SupervisorLifecycleState>(replyTo => new SupervisorMessage.DiagnosticMode(startTime, hint) { ReplyTo = replyTo }, options.Timeout, cancellationToken);
    }

    public Task<SupervisorLifecycleState> OperationsModeAsync(CancellationToken cancellationToken = default) =>
        ask.AskAsync<SupervisorLifecycleState>(replyTo => new SupervisorMessage.OperationsMode { ReplyTo = replyTo }, options.Timeout, cancellationToken);

    public Task<SupervisorLifecycleState> RestartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ask.AskAsync<SupervisorLifecycleState>(replyTo => new SupervisorMessage.Restart { ReplyTo = replyTo }, timeout ?? options.FinalTimeout, cancellationToken);

    public Task<SupervisorLifecycleState> ShutdownAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ask.AskAsync<SupervisorLifecycleState>(replyTo => new SupervisorMessage.Shutdown { ReplyTo = replyTo }, timeout ?? options.FinalTimeout, cancellationToken);

    public Task<SupervisorLifecycleState> GetLifecycleStateAsync(CancellationToken cancellationToken = default) =>
        ask.AskAsync<SupervisorLifecycleState>(replyTo => new SupervisorMessage.GetSupervisorLifecycleState(replyTo), options.Timeout, cancellationToken);

    public Task<ComponentLogLevel> GetLogLevelAsync(CancellationToken cancellationToken = default) =>
        ask.AskAsync<ComponentLogLevel>(replyTo => new SupervisorMessage.GetLogLevel(replyTo), options.Timeout, cancellationToken);

    public Task<ComponentLogLevel> SetLogLevelAsync(LogLevel level, CancellationToken cancellationToken = default) =>
        ask.AskAsync<ComponentLogLevel>(replyTo => new SupervisorMessage.SetLogLevel(level, replyTo), options.Timeout, cancellationToken);

    public override string ToString() => ask.ToString() ?? "a component";
}
