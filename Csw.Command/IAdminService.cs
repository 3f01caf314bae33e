using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command;

/// <summary>
/// What an operator does to one component beyond commanding it, as CSW's admin service and
/// component protocol allow: lock and unlock it, take it offline and online, switch its diagnostic
/// mode, restart it or shut it down, read its lifecycle state, and read or change its log level.
/// The same for a component in this process, in another process of the cluster (Akka.Remote) and
/// behind a command endpoint (HTTP); obtain one from <see cref="AdminServiceFactory"/>. Every call
/// has a finite timeout (<see cref="CommandServiceOptions.Timeout"/> unless it takes one);
/// a timeout raises <see cref="TimeoutException"/>.
/// </summary>
public interface IAdminService
{
    /// <summary>
    /// Locks the component for <paramref name="source"/>: until the lease ends, commands from other
    /// prefixes are answered <see cref="Locked"/> (the admin prefix, <c>CSW.admin</c> by default,
    /// may still unlock it). Locking again as the owner extends the lease.
    /// </summary>
    /// <param name="source">Who locks.</param>
    /// <param name="leaseDuration">How long the lock lasts unless extended.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns><see cref="LockingResponse.LockAcquired"/>, or <see cref="LockingResponse.AcquiringLockFailed"/> naming the owner.</returns>
    Task<LockingResponse> LockAsync(Prefix source, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Releases the lock; allowed to its owner and to the admin prefix.</summary>
    /// <param name="source">Who unlocks.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns><see cref="LockingResponse.LockReleased"/>, <see cref="LockingResponse.LockAlreadyReleased"/>, or <see cref="LockingResponse.ReleasingLockFailed"/>.</returns>
    Task<LockingResponse> UnlockAsync(Prefix source, CancellationToken cancellationToken = default);

    /// <summary>Takes the component online (after the commands queued before it); its handlers' <c>OnGoOnlineAsync</c> runs.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lifecycle state after it: <see cref="SupervisorLifecycleState.Running"/>, or the state as it was if it did not apply.</returns>
    Task<SupervisorLifecycleState> GoOnlineAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes the component offline (after the commands queued before it); its handlers' <c>OnGoOfflineAsync</c> runs.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lifecycle state after it: <see cref="SupervisorLifecycleState.RunningOffline"/>, or the state as it was if it did not apply.</returns>
    Task<SupervisorLifecycleState> GoOfflineAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts the component in a diagnostic mode; its handlers' <c>OnDiagnosticModeAsync</c> runs.</summary>
    /// <param name="startTime">When the mode starts.</param>
    /// <param name="hint">Which diagnostic mode.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lifecycle state after it.</returns>
    Task<SupervisorLifecycleState> DiagnosticModeAsync(UtcTime startTime, string hint, CancellationToken cancellationToken = default);

    /// <summary>Ends the diagnostic mode; its handlers' <c>OnOperationsModeAsync</c> runs.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lifecycle state after it.</returns>
    Task<SupervisorLifecycleState> OperationsModeAsync(CancellationToken cancellationToken = default);

    /// <summary>Shuts the handlers down and initializes a fresh instance; answers once it is Running again (or gave up).</summary>
    /// <param name="timeout">How long to wait; <see cref="CommandServiceOptions.FinalTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait (not the restart).</param>
    /// <returns>The lifecycle state after it: <see cref="SupervisorLifecycleState.Running"/>, or <see cref="SupervisorLifecycleState.Shutdown"/> if the new instance did not start.</returns>
    Task<SupervisorLifecycleState> RestartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Shuts the component down: its handlers' <c>OnShutdownAsync</c> runs, it unregisters and stops.</summary>
    /// <param name="timeout">How long to wait; <see cref="CommandServiceOptions.FinalTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait (not the shutdown).</param>
    /// <returns><see cref="SupervisorLifecycleState.Shutdown"/>.</returns>
    Task<SupervisorLifecycleState> ShutdownAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>The component's lifecycle state now.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<SupervisorLifecycleState> GetLifecycleStateAsync(CancellationToken cancellationToken = default);

    /// <summary>The component's log level (of its logger <c>Csw.Component.&lt;prefix&gt;</c>, which its handlers and supervisor share).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<ComponentLogLevel> GetLogLevelAsync(CancellationToken cancellationToken = default);

    /// <summary>Changes the component's log level now, until changed again or the process ends.</summary>
    /// <param name="level">The least severe level to write.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The level now.</returns>
    Task<ComponentLogLevel> SetLogLevelAsync(LogLevel level, CancellationToken cancellationToken = default);
}
