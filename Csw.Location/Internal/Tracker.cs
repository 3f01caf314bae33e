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
}
