using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Csw.Location.Internal;

/// <summary>
/// One reader of a connection's changes: a bounded buffer that drops its oldest event when the
/// reader falls behind (as CSW's tracking stream, 256 events, drop head), so that whoever writes
/// never waits for a reader.
/// </summary>
internal sealed class Tracker
{
    /// <summary>The events not yet read; written under the service's lock, read by one reader.</summary>
    private readonly Channel<TrackingEvent> _buffer;

    public Tracker(Connection connection, int bufferSize)
    {
        Connection = connection;
        _buffer = Channel.CreateBounded<TrackingEvent>(
            new BoundedChannelOptions(bufferSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    }

    /// <summary>The connection tracked.</summary>
    public Connection Connection { get; }

    public ChannelReader<TrackingEvent> Reader => _buffer.Reader;

    /// <summary>Hands over one event; never blocks.</summary>
    public void Deliver(TrackingEvent change) => _buffer.Writer.TryWrite(change);

    /// <summary>Ends the stream once the buffered events are read.</summary>
    public void Complete() => _buffer.Writer.TryComplete();

    /// <summary>
    /// The events of a tracker started when the stream is first read and stopped when it ends, as
    /// every backend's <see cref="ILocationService.Track"/> streams them.
    /// </summary>
    public static async IAsyncEnumerable<TrackingEvent> StreamAsync(Func<Tracker> start, Action<Tracker> stop, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tracker = start();
        try
        {
            while (await tracker.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (tracker.Reader.TryRead(out var change))
                {
                    yield return change;
                }
            }
        }
        finally
        {
            stop(tracker);
        }
    }

    /// <summary>
    /// The first location a tracking stream reports, waiting up to <paramref name="within"/> (infinite
    /// allowed); null when the time is up. What <see cref="ILocationService.ResolveAsync"/> does once
    /// the location is not there already.
    /// </summary>
    public static async Task<Location?> FirstLocationAsync(Func<CancellationToken, IAsyncEnumerable<TrackingEvent>> track, TimeSpan within, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // CancelAfter takes at most int.MaxValue milliseconds (about 24 days); longer is as good as forever.
        if (within != Timeout.InfiniteTimeSpan && within.TotalMilliseconds < int.MaxValue)
        {
            timeout.CancelAfter(within);
        }
        try
        {
            await foreach (var change in track(timeout.Token).ConfigureAwait(false))
            {
                if (change is LocationUpdated updated)
                {
                    return updated.Location;
                }
            }
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
