namespace Csw.Command;

/// <summary>
/// The names under which CswNet's libraries publish metrics (one <c>System.Diagnostics.Metrics.Meter</c>
/// name) and traces (one <c>System.Diagnostics.ActivitySource</c> name), for OpenTelemetry's
/// <c>AddMeter</c> and <c>AddSource</c>, or a <c>MeterListener</c> and an <c>ActivityListener</c>.
/// The libraries use only <c>System.Diagnostics</c>: nothing is measured or recorded beyond a few
/// checks until someone listens. docs/Operations.md lists every instrument.
/// </summary>
public static class CswTelemetry
{
    /// <summary>The meter name of every CswNet instrument.</summary>
    public const string MeterName = "CswNet";

    /// <summary>The activity source name of every CswNet span: one per command in the component that runs it (tagged <c>csw.prefix</c>, <c>csw.run_id</c>, <c>csw.command</c>), and one per request at a command endpoint.</summary>
    public const string ActivitySourceName = "CswNet";

    /// <summary>Counter: commands that reached an outcome, tagged <c>csw.component</c>, <c>csw.kind</c> (validate, submit, oneway) and <c>csw.outcome</c> (Completed, Error, Invalid, Locked, Cancelled, Accepted).</summary>
    public const string Commands = "csw.commands";

    /// <summary>Histogram, seconds: from a command's handler call to its final response (for a Started submit, the CRM's), tagged as <see cref="Commands"/>.</summary>
    public const string CommandDuration = "csw.command.duration";

    /// <summary>UpDownCounter: commands whose handler call started and that have no final response yet, tagged <c>csw.component</c>.</summary>
    public const string CommandsInFlight = "csw.commands.in_flight";

    /// <summary>UpDownCounter: calls waiting in a component's handler lane, tagged <c>csw.component</c>.</summary>
    public const string HandlerLaneDepth = "csw.handler_lane.depth";

    /// <summary>UpDownCounter: commands a component's CommandResponseManager remembers, tagged <c>csw.component</c>.</summary>
    public const string CrmSize = "csw.crm.size";

    /// <summary>UpDownCounter: sessions (<c>/session-endpoint</c> WebSockets) open at this process's command endpoints.</summary>
    public const string OpenSessions = "csw.sessions.open";

    /// <summary>UpDownCounter: locations this process's components and containers have registered, tagged <c>csw.connection_type</c>.</summary>
    public const string LocationRegistrations = "csw.location.registrations";

    /// <summary>Counter: component events (CurrentState, lifecycle) published to the cluster, tagged <c>csw.component</c>.</summary>
    public const string ClusterEvents = "csw.cluster.events";
}
