using System.Collections.Concurrent;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Tests.Support;

/// <summary>The admin side of a <see cref="FakeComponent"/>: records what it was asked and answers as a Running component would.</summary>
internal sealed class FakeAdmin : IAdminService
{
    /// <summary>The admin calls made, in order, by name (GoOnline, Lock, ...).</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public Task<LockingResponse> LockAsync(Prefix source, TimeSpan leaseDuration, CancellationToken cancellationToken = default) => Record<LockingResponse>("Lock", new LockingResponse.LockAcquired());

    public Task<LockingResponse> UnlockAsync(Prefix source, CancellationToken cancellationToken = default) => Record<LockingResponse>("Unlock", new LockingResponse.LockReleased());

    public Task<SupervisorLifecycleState> GoOnlineAsync(CancellationToken cancellationToken = default) => Record("GoOnline", SupervisorLifecycleState.Running);

    public Task<SupervisorLifecycleState> GoOfflineAsync(CancellationToken cancellationToken = default) => Record("GoOffline", SupervisorLifecycleState.RunningOffline);

    public Task<SupervisorLifecycleState> DiagnosticModeAsync(UtcTime startTime, string hint, CancellationToken cancellationToken = default) => Record("DiagnosticMode", SupervisorLifecycleState.Running);

    public Task<SupervisorLifecycleState> OperationsModeAsync(CancellationToken cancellationToken = default) => Record("OperationsMode", SupervisorLifecycleState.Running);

    public Task<SupervisorLifecycleState> RestartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) => Record("Restart", SupervisorLifecycleState.Running);

    public Task<SupervisorLifecycleState> ShutdownAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) => Record("Shutdown", SupervisorLifecycleState.Shutdown);

    public Task<SupervisorLifecycleState> GetLifecycleStateAsync(CancellationToken cancellationToken = default) => Record("GetLifecycleState", SupervisorLifecycleState.Running);

    public Task<ComponentLogLevel> GetLogLevelAsync(CancellationToken cancellationToken = default) => Record("GetLogLevel", new ComponentLogLevel(LogLevel.Information, LogLevel.Information));

    public Task<ComponentLogLevel> SetLogLevelAsync(LogLevel level, CancellationToken cancellationToken = default) => Record("SetLogLevel", new ComponentLogLevel(level, LogLevel.Information));

    private Task<T> Record<T>(string name, T answer)
    {
        Received.Enqueue(name);
        return Task.FromResult(answer);
    }
}
