namespace Csw.Command;

/// <summary>Where a component is in its life, as its supervisor sees it.</summary>
public enum SupervisorLifecycleState
{
    /// <summary>Initializing: the handlers' <c>InitializeAsync</c> is running; commands wait until it has finished.</summary>
    Idle,

    /// <summary>Initialized and online: commands run.</summary>
    Running,

    /// <summary>Initialized but offline: commands still reach the handlers, which see <c>IsOnline</c> false.</summary>
    RunningOffline,

    /// <summary>Restarting: shutting the handlers down and initializing a fresh instance.</summary>
    Restart,

    /// <summary>Shut down, or about to stop.</summary>
    Shutdown,
}
