using System.Diagnostics.Metrics;

namespace Csw.Crm.Internal;

/// <summary>The CRM's instrument: how many commands each CRM remembers (<c>csw.crm.size</c> of meter <c>CswNet</c>, tagged <c>csw.component</c>).</summary>
internal static class CrmTelemetry
{
    // The names are Csw.Command's CswTelemetry.MeterName and CrmSize; this project does not reference it.
    private static readonly Meter Meter = new("CswNet");

    private static readonly UpDownCounter<long> Size = Meter.CreateUpDownCounter<long>("csw.crm.size", "{command}", "Commands a CommandResponseManager remembers.");

    /// <summary>The CRM of <paramref name="component"/> remembers <paramref name="delta"/> more (or fewer) commands.</summary>
    public static void Changed(KeyValuePair<string, object?> component, int delta) => Size.Add(delta, component);

    /// <summary>The tag of a CRM whose parent is named <paramref name="parent"/> (a component's supervisor is named after its prefix).</summary>
    public static KeyValuePair<string, object?> ComponentTag(string parent) => new("csw.component", parent);
}
