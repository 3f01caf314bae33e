using Csw.Location;
using Csw.Params;

namespace Csw.Framework;

/// <summary>
/// The one class a component author extends: the component's behaviour. The supervisor calls these
/// methods one at a time — never two at once, so fields need no locks — while it keeps answering
/// queries, lock and lifecycle requests itself. A method that awaits a long operation therefore
/// delays only the next handler call; for long commands, answer <see cref="Started"/> from
/// <see cref="OnSubmitAsync"/> and report the final response later through
/// <see cref="CswContext.CommandResponseManager"/>.
/// </summary>
/// <remarks>
/// An exception in <see cref="OnSubmitAsync"/> becomes an <see cref="Error"/> for the caller and the
/// component keeps running; one in <see cref="OnOnewayAsync"/> is logged; one in
/// <see cref="InitializeAsync"/> (or its timeout) makes the supervisor retry with a fresh instance.
/// </remarks>
public abstract class ComponentHandlers
{
    /// <summary>Creates the handlers.</summary>
    /// <param name="context">What the framework provides to the component.</param>
    protected ComponentHandlers(CswContext context)
    {
        Context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <summary>What the framework provides: info, publisher, CRM, logger, timers, command services.</summary>
    public CswContext Context { get; }

    /// <summary>Whether the component is online (false after <c>GoOffline</c>); set by the supervisor.</summary>
    public bool IsOnline { get; internal set; }

    /// <summary>Gets the component ready (connect to hardware, resolve other components). Must finish within <see cref="ComponentInfo.InitializeTimeout"/>.</summary>
    /// <param name="cancellationToken">Cancelled when the timeout passes.</param>
    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Checks a command before it runs: <see cref="Accepted"/> or <see cref="Invalid"/>.</summary>
    /// <param name="runId">The runId the command will have.</param>
    /// <param name="command">The command.</param>
    public abstract ValueTask<IValidateResponse> ValidateCommandAsync(Id runId, ControlCommand command);

    /// <summary>Runs a validated command: a final response, or <see cref="Started"/> for long work whose final response goes to the CRM later.</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="command">The command.</param>
    public abstract ValueTask<ISubmitResponse> OnSubmitAsync(Id runId, ControlCommand command);

    /// <summary>Runs a validated oneway command; no completion is reported.</summary>
    /// <param name="runId">The command's runId.</param>
    /// <param name="command">The command.</param>
    public abstract ValueTask OnOnewayAsync(Id runId, ControlCommand command);

    /// <summary>Releases resources before the component stops or restarts.</summary>
    public abstract Task OnShutdownAsync();

    /// <summary>The component goes offline. Does nothing by default.</summary>
    public virtual ValueTask OnGoOfflineAsync() => ValueTask.CompletedTask;

    /// <summary>The component goes online. Does nothing by default.</summary>
    public virtual ValueTask OnGoOnlineAsync() => ValueTask.CompletedTask;

    /// <summary>Enter a diagnostic mode. Does nothing by default.</summary>
    /// <param name="startTime">When it starts.</param>
    /// <param name="hint">Which mode.</param>
    public virtual ValueTask OnDiagnosticModeAsync(UtcTime startTime, string hint) => ValueTask.CompletedTask;

    /// <summary>A connection listed in <see cref="ComponentInfo.Connections"/> was registered, moved or removed. Does nothing by default.</summary>
    /// <param name="trackingEvent">What happened.</param>
    public virtual ValueTask OnLocationTrackingEventAsync(TrackingEvent trackingEvent) => ValueTask.CompletedTask;

    /// <summary>Leave diagnostic mode. Does nothing by default.</summary>
    public virtual ValueTask OnOperationsModeAsync() => ValueTask.CompletedTask;
}
