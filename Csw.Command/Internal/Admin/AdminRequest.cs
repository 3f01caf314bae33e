using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Admin;

/// <summary>A request to a command endpoint's admin route (<c>POST /admin-endpoint</c>); <see cref="AdminCodec"/> puts it on the wire.</summary>
internal abstract record AdminRequest
{
    /// <summary>How long the endpoint may wait for the component; its own limit when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Runs the request against the component's admin service.</summary>
    public abstract Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken);

    /// <summary><see cref="IAdminService.LockAsync"/>.</summary>
    public sealed record Lock(Prefix Source, TimeSpan LeaseDuration) : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.LockAsync(Source, LeaseDuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.UnlockAsync"/>.</summary>
    public sealed record Unlock(Prefix Source) : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.UnlockAsync(Source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.GoOnlineAsync"/>.</summary>
    public sealed record GoOnline : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.GoOnlineAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.GoOfflineAsync"/>.</summary>
    public sealed record GoOffline : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.GoOfflineAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.DiagnosticModeAsync"/>.</summary>
    public sealed record DiagnosticMode(UtcTime StartTime, string Hint) : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.DiagnosticModeAsync(StartTime, Hint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.OperationsModeAsync"/>.</summary>
    public sealed record OperationsMode : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.OperationsModeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.RestartAsync"/>.</summary>
    public sealed record Restart : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.RestartAsync(Timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.ShutdownAsync"/>.</summary>
    public sealed record Shutdown : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.ShutdownAsync(Timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.GetLifecycleStateAsync"/>.</summary>
    public sealed record GetLifecycleState : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.GetLifecycleStateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.GetLogLevelAsync"/>.</summary>
    public sealed record GetLogLevel : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.GetLogLevelAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="IAdminService.SetLogLevelAsync"/>.</summary>
    public sealed record SetLogLevel(LogLevel Level) : AdminRequest
    {
        public override async Task<object> RunAsync(IAdminService admin, CancellationToken cancellationToken) => await admin.SetLogLevelAsync(Level, cancellationToken).ConfigureAwait(false);
    }
}
