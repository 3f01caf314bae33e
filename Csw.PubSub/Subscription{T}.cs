using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Csw.PubSub;

/// <summary>
/// A subscription to a <see cref="PubSub{TEvent}"/>: read it with <c>await foreach</c>, once.
/// Its buffer is bounded; when the reader falls behind, the oldest events are dropped and counted
/// in <see cref="Dropped"/>. Disposing it (or leaving the <c>await foreach</c>) unsubscribes.
/// </summary>
/// <typeparam name="TEvent">The type of the events.</typeparam>
public sealed class Subscription<TEvent> : IAsyncEnumerable<TEvent>, IAsyncDisposable, IDisposable
{
    /// <summary>The subscriber's buffer.</summary>
    private readonly Channel<TEvent> _buffer;

    /// <summary>Unsubscribes; called once.</summary>
    private readonly Action<Subscription<TEvent>> _unsubscribe;

    /// <summary>Ends the subscription when the publisher stops; undone on dispose.</summary>
    private readonly CancellationTokenRegistration _publisherStopped;

    /// <summary>Events dropped so far.</summary>
    private long _dropped;

    /// <summary>1 once disposed.</summary>
    private int _disposed;

    /// <summary>1 once an enumerator was handed out.</summary>
    private int _enumerated;

    internal Subscription(int bufferSize, Action<Subscription<TEvent>> unsubscribe, CancellationToken publisherStopped)
    {
        _unsubscribe = unsubscribe;
        _buffer = Channel.CreateBounded<TEvent>(
            new BoundedChannelOptions(bufferSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => Interlocked.Increment(ref _dropped));
        _publisherStopped = publisherStopped.UnsafeRegister(static state => ((Channel<TEvent>)state!).Writer.TryComplete(), _buffer);
    }

    /// <summary>How many events were dropped because this subscriber fell more than a buffer behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The events, for readers that prefer channels to <c>await foreach</c>.</summary>
    public ChannelReader<TEvent> Reader => _buffer.Reader;

    /// <summary>Completes when the subscription has ended (disposed, or the publisher stopped) and every event was read.</summary>
    public Task Completion => _buffer.Reader.Completion;

    internal ChannelWriter<TEvent> Writer => _buffer.Writer;

    /// <inheritdoc />
    public IAsyncEnumerator<TEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException("A subscription can be read only once; subscribe again for a second reader.");
        }
        return ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>Unsubscribes; events still buffered can be read, then the stream ends.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _publisherStopped.Dispose();
            _unsubscribe(this);
            _buffer.Writer.TryComplete();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerable<TEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (await _buffer.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_buffer.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            Dispose();
        }
    }
}
