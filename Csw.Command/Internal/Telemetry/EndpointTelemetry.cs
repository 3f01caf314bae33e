using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Csw.Command.Internal.Telemetry;

/// <summary>Csw.Command's instruments: open sessions, and a server span per request that came with a W3C <c>traceparent</c>.</summary>
internal static class EndpointTelemetry
{
    /// <summary>The header (and session envelope field) carrying the caller's trace context.</summary>
    public const string TraceParentHeader = "traceparent";

    private static readonly Meter Meter = new(CswTelemetry.MeterName);

    public static readonly ActivitySource Source = new(CswTelemetry.ActivitySourceName);

    public static readonly UpDownCounter<long> OpenSessions = Meter.CreateUpDownCounter<long>(CswTelemetry.OpenSessions, "{session}", "Sessions open at this process's command endpoints.");

    /// <summary>
    /// A server span for a request that came with <paramref name="traceParent"/>, a child of the
    /// caller's; null when none came, it is not a W3C trace parent, or nobody listens. It becomes
    /// <see cref="Activity.Current"/>, so the command sent to the component carries it.
    /// </summary>
    /// <remarks>
    /// A request without a trace parent starts a new trace in the component. ASP.NET Core makes an
    /// activity for every request even when nobody samples it (whenever its logging is on); left as
    /// <see cref="Activity.Current"/>, it would become the component span's parent, and a sampler
    /// that follows the parent (OpenTelemetry's default) would drop the span. So an activity that is
    /// not recorded and came without a trace parent is cleared here, for this request's flow only.
    /// </remarks>
    public static Activity? StartRequest(string? traceParent, string request)
    {
        if (string.IsNullOrEmpty(traceParent))
        {
            if (Activity.Current is { Recorded: false, HasRemoteParent: false, Parent: null })
            {
                Activity.Current = null;
            }
            return null;
        }
        if (!Source.HasListeners() || !ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
        {
            return null;
        }
        return Source.StartActivity($"csw.endpoint {request}", ActivityKind.Server, parent);
    }

    /// <summary>The W3C trace parent of the current span, to send with a request; null when there is none.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;
}
