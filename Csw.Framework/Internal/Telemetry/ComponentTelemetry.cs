using System.Diagnostics;
using System.Diagnostics.Metrics;
using Csw.Command;
using Csw.Crm;
using Csw.Params;

namespace Csw.Framework.Internal.Telemetry;

/// <summary>
/// One component's instruments: its commands by outcome, their durations, those in flight, its
/// handler lane's depth; and a span per command, a child of the caller's. Cheap when nobody listens:
/// a few flag checks per command. Safe from any thread.
/// </summary>
internal sealed class ComponentTelemetry
{
    private static readonly Meter Meter = new(CswTelemetry.MeterName);

    private static readonly ActivitySource Source = new(CswTelemetry.ActivitySourceName);

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>(CswTelemetry.Commands, "{command}", "Commands that reached an outcome.");

    // Buckets in seconds, from the framework's own cost (tens of microseconds) to long motions.
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        CswTelemetry.CommandDuration,
        "s",
        "From a command's handler call to its final response.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300] });

    private static readonly UpDownCounter<long> InFlight = Meter.CreateUpDownCounter<long>(CswTelemetry.CommandsInFlight, "{command}", "Commands being handled, without a final response yet.");

    private static readonly UpDownCounter<long> LaneDepth = Meter.CreateUpDownCounter<long>(CswTelemetry.HandlerLaneDepth, "{call}", "Calls waiting in the handler lane.");

    private static readonly Counter<long> ClusterEvents = Meter.CreateCounter<long>(CswTelemetry.ClusterEvents, "{event}", "Component events published to the cluster.");

    private static readonly UpDownCounter<long> Registrations = Meter.CreateUpDownCounter<long>(CswTelemetry.LocationRegistrations, "{location}", "Locations this process's components have registered.");

    /// <summary>How long a Started command is followed for its final response.</summary>
    private static readonly TimeSpan FollowFor = TimeSpan.FromHours(1);

    /// <summary>The component's prefix, as every instrument's <c>csw.component</c> tag.</summary>
    private readonly KeyValuePair<string, object?> _component;

    private readonly string _prefix;

    public ComponentTelemetry(Prefix prefix)
    {
        _prefix = prefix.ToString();
        _component = new("csw.component", _prefix);
    }

    /// <summary>Whether anyone listens to the command instruments or spans.</summary>
    private static bool Enabled => Commands.Enabled || Duration.Enabled || InFlight.Enabled || Source.HasListeners();

    /// <summary>A call joined (+1) or left (−n) the handler lane's queue.</summary>
    public void LaneChanged(int delta) => LaneDepth.Add(delta, _component);

    /// <summary>A component registered (+1) or unregistered (−1) a location with <paramref name="connectionType"/>.</summary>
    public static void Registered(Location.ConnectionType connectionType, int delta) =>
        Registrations.Add(delta, new KeyValuePair<string, object?>("csw.connection_type", connectionType.ToString().ToLowerInvariant()));

    /// <summary>A component published an event to the cluster.</summary>
    public static void ClusterEventPublished(Prefix component) => ClusterEvents.Add(1, new KeyValuePair<string, object?>("csw.component", component.ToString()));

    /// <summary>A command's handler call begins: its span starts (as <see cref="Activity.Current"/> of the call) and it counts as in flight. Null when nobody listens.</summary>
    public CommandMeasurement? Begin(ComponentMessage message, ControlCommand command, Id runId)
    {
        if (!Enabled)
        {
            return null;
        }
        var kind = KindOf(message);
        var activity = Source.HasListeners() ? Source.StartActivity($"csw.{kind} {command.CommandName.Name}", ActivityKind.Server, message.TraceParent) : null;
        activity?.SetTag("csw.prefix", _prefix);
        activity?.SetTag("csw.run_id", runId.Value);
        activity?.SetTag("csw.command", command.CommandName.Name);
        activity?.SetTag("csw.source", command.Source.ToString());
        InFlight.Add(1, _component);
        return new CommandMeasurement(kind, activity, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// The command's first response is known: a final one ends the measurement; a Started one is
    /// followed through the CRM until its final response.
    /// </summary>
    public void Answered(CommandMeasurement? measurement, ICommandResponse response, CommandResponseManager crm)
    {
        if (measurement is not { } m)
        {
            return;
        }
        if (response is Started started)
        {
            _ = FollowAsync(m, started.RunId, crm);
            return;
        }
        End(m, response);
    }

    /// <summary>A command that will never run was answered at once (locked, busy, shutting down).</summary>
    public void Refused(ComponentMessage message, CommandResponse response)
    {
        if (Commands.Enabled)
        {
            Commands.Add(1, _component, new("csw.kind", KindOf(message)), new("csw.outcome", response.GetType().Name));
        }
    }

    /// <summary>The <c>csw.kind</c> tag of a command message.</summary>
    private static string KindOf(ComponentMessage message) => message switch
    {
        ComponentMessage.Submit => "submit",
        ComponentMessage.Oneway => "oneway",
        _ => "validate",
    };

    private async Task FollowAsync(CommandMeasurement measurement, Id runId, CommandResponseManager crm)
    {
        ICommandResponse final;
        try
        {
            final = await crm.QueryFinalAsync(runId, FollowFor).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            measurement.Activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            End(measurement, null);
            return;
        }
        End(measurement, final);
    }

    private void End(CommandMeasurement measurement, ICommandResponse? final)
    {
        var outcome = final?.GetType().Name ?? "Unknown";
        var tags = new TagList { _component, new("csw.kind", measurement.Kind), new("csw.outcome", outcome) };
        Commands.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(measurement.Started).TotalSeconds, tags);
        InFlight.Add(-1, _component);
        if (measurement.Activity is { } activity)
        {
            activity.SetTag("csw.outcome", outcome);
            if (final is Error or Invalid or Cancelled or Locked)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
            activity.Stop();
        }
    }
}

/// <summary>One command being measured: its kind, its span (null when no one traces), and when its handler call began.</summary>
internal sealed record CommandMeasurement(string Kind, Activity? Activity, long Started);
