using System.Globalization;
using System.Text.Json;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// Follows one key for a tracker: reads it, tells the tracker its state, then watches it from the
/// next revision. When the watch breaks (a member died, etcd restarted), it watches again from the
/// revision after the last one it saw, so the changes made meanwhile arrive too, each in order.
/// Only when that history is gone (compacted, or etcd lost its data) does it read the key again and
/// tell the difference. The tracker never hears the same state twice in a row.
/// </summary>
internal sealed class EtcdTracking(EtcdGateway gateway, string key, Tracker tracker, Func<ReadOnlyMemory<byte>, Location> decode, ILogger log)
{
    /// <summary>The first pause before trying again after a broken watch; it doubles up to a second.</summary>
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);

    /// <summary>What the tracker was last told: the location, or null for none (or nothing told yet).</summary>
    private Location? _told;

    /// <summary>
    /// The etcd revision the tracker's knowledge is at: every change of the key up to it has been
    /// told. 0 until the first read.
    /// </summary>
    private long _seen;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
                var watch = new { key = EtcdGateway.Base64(key), start_revision = (_seen + 1).ToString(CultureInfo.InvariantCulture) };
                await foreach (var result in gateway.WatchAsync(watch, cancellationToken).ConfigureAwait(false))
                {
                    retry = FirstRetry;
                    if (Revision(result, "compact_revision") is > 0 and var compacted)
                    {
                        log.LogInformation("etcd compacted the history of {Key} up to revision {Revision}; reading the key again", key, compacted);
                        _seen = 0; // Read again and tell the difference.
                        break;
                    }
                    if (result.TryGetProperty("canceled", out _))
                    {
                        throw new EtcdUnavailableException($"etcd cancelled the watch of {key}: {(result.TryGetProperty("cancel_reason", out var reason) ? reason.GetString() : "no reason given")}");
                    }
                    if (result.TryGetProperty("events", out var events))
                    {
                        foreach (var change in events.EnumerateArray())
                        {
                            Apply(change);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is LocationServiceException or IOException or HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                log.LogInformation("Tracking {Key}: {Reason}; watching again from revision {Revision}", key, e.Message, _seen + 1);
                try
                {
                    await Task.Delay(retry, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.TicksPerSecond));
            }
        }
    }

    /// <summary>
    /// Before each watch: reads the key. The first time, or when the history since <see cref="_seen"/>
    /// is gone, it tells the state read (if it differs) and continues from the revision read at;
    /// otherwise the watch replays what was missed.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var answer = await gateway.PostAsync("/v3/kv/range", new { key = EtcdGateway.Base64(key) }, cancellationToken).ConfigureAwait(false);
        var revision = Revision(answer.GetProperty("header"), "revision");
        var kv = answer.TryGetProperty("kvs", out var kvs) && kvs.GetArrayLength() > 0 ? kvs[0] : (JsonElement?)null;
        var current = kv is { } found ? Decode(found) : null;
        // etcd that lost its data starts counting again: a revision below ours, or the key changed at
        // a revision we have seen to a value we were never told, means the history we know is gone.
        var historyLost = revision < _seen || (kv is { } changed && Revision(changed, "mod_revision") <= _seen && current != _told);
        if (_seen == 0 || historyLost)
        {
            if (historyLost)
            {
                log.LogWarning("etcd's history of {Key} no longer holds revision {Seen} (now at {Revision}); telling trackers the difference", key, _seen, revision);
            }
            Tell(current);
            _seen = revision;
        }
    }

    private void Apply(JsonElement change)
    {
        var kv = change.GetProperty("kv");
        var deleted = change.TryGetProperty("type", out var type) && type.GetString() == "DELETE";
        Tell(deleted ? null : Decode(kv));
        _seen = Math.Max(_seen, Revision(kv, "mod_revision"));
    }

    private void Tell(Location? current)
    {
        if (current == _told)
        {
            return;
        }
        tracker.Deliver(current is null ? new LocationRemoved(tracker.Connection) : new LocationUpdated(current));
        _told = current;
    }

    private Location? Decode(JsonElement kv)
    {
        if (!kv.TryGetProperty("value", out var value))
        {
            return null;
        }
        try
        {
            return decode(value.GetBytesFromBase64());
        }
        catch (CswJsonException e)
        {
            log.LogWarning("Ignoring a registration at {Key} that is not a location: {Reason}", key, e.Message);
            return null;
        }
    }

    /// <summary>A revision field (the gateway writes 64-bit numbers as strings and leaves out zeros).</summary>
    private static long Revision(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : 0;
}
