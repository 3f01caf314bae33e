using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Csw.Command.Tests.Telemetry;

/// <summary>Every measurement of CswNet's instruments about one component (its <c>csw.component</c> tag), as a <see cref="MeterListener"/> hears them.</summary>
internal sealed class Measurements : IDisposable
{
    private readonly MeterListener _listener = new();

    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _all = new();

    public Measurements(string component)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CswTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags, component));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags, component));
        _listener.Start();
    }

    /// <summary>The measurements of one instrument whose tags include <paramref name="tags"/>.</summary>
    public IReadOnlyList<double> Of(string instrument, params (string Key, string Value)[] tags) =>
        [.. _all.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Select(m => m.Value)];

    /// <summary>The sum of an instrument's measurements (an UpDownCounter's value, as far as this listener heard).</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Of(instrument, tags).Sum();

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, string component)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }
        if (Equals(dictionary.GetValueOrDefault("csw.component"), component))
        {
            _all.Enqueue((instrument.Name, value, dictionary));
        }
    }
}
