using System.Globalization;
using System.Text.Json;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// Follows one key for a tracker: reads it, tells the tracker its state, then watches it from the
/// next revision. When the watch breaks (a member died, etcd restarted, history was compacted),
/// it reads the key again and tells only what changed meanwhile, so the tracker sees every
/// difference once, in order, and never the same state twice.
/// </summary>
internal sealed class EtcdTracking(EtcdGateway gateway, string key, Tracker tracker, Func<ReadOnlyMemory<byte>, Location> decode, ILogger log)
{
    /// <summary>The first pause before reading again after a broken watch; it doubles up to a second.</summary>
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);

    /// <summary>What the tracker was last told: the location, or null for none (or nothing told yet).</summary>
    private Location? _told;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var revision = await ReadAsync(cancellationToken).ConfigureAwait(false);
                var watch = new { key = EtcdGateway.Base64(key), start_revision = (revision + 1).ToString(CultureInfo.InvariantCulture) };
                await foreach (var result in gateway.WatchAsync(watch, cancellationToken).ConfigureAwait(false))
                {
                    retry = FirstRetry;
                    if (result.TryGetProperty("compact_revision", out _) || result.TryGetProperty("canceled", out _))
                    {
                        break; // History is gone: read again.
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
            catch (Exception e) when (e is LocationServiceException or IOException or HttpRequestException or JsonException)
            {
                log.LogDebug("Tracking {Key}: {Reason}; reading it again", key, e.Message);
                gateway.Rotate();
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

    /// <summary>Reads the key, tells the tracker if that differs from what it knows, and returns the revision read at.</summary>
    private async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        var answer = await gateway.PostAsync("/v3/kv/range", new { key = EtcdGateway.Base64(key) }, cancellationToken).ConfigureAwait(false);
        var revision = long.Parse(answer.GetProperty("header").GetProperty("revision").GetString()!, CultureInfo.InvariantCulture);
        var current = answer.TryGetProperty("kvs", out var kvs) && kvs.GetArrayLength() > 0 ? Decode(kvs[0]) : null;
        Tell(current);
        return revision;
    }

    private void Apply(JsonElement change)
    {
        var deleted = change.TryGetProperty("type", out var type) && type.GetString() == "DELETE";
        Tell(deleted ? null : Decode(change.GetProperty("kv")));
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
}
