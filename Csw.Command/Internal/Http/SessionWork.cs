using System.Collections.Concurrent;

namespace Csw.Command.Internal.Http;

/// <summary>
/// The requests and streams running in one command session: the session's limits on them, Cancel
/// by id, and the wait for them when the session ends.
/// </summary>
internal sealed class SessionWork(CommandEndpointOptions options)
{
    /// <summary>Running streams by id, so that Cancel stops them.</summary>
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _streams = new();

    /// <summary>Completed when the last piece of work has ended after the session did.</summary>
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Requests (Validate, Submit, Oneway, Query) not answered yet.</summary>
    private int _requests;

    /// <summary>Streams (QueryFinal, SubscribeCurrentState) not ended yet.</summary>
    private int _streamCount;

    /// <summary>Requests and streams running, plus one for the session itself until it ends.</summary>
    private int _running = 1;

    /// <summary>Requests and streams running now.</summary>
    public int Running => Math.Max(0, Volatile.Read(ref _running) - 1);

    /// <summary>Counts a request in; null when it may run, else why not (end it with <see cref="Finish"/> when it may).</summary>
    public (string Name, string Message)? TryStartRequest()
    {
        if (Interlocked.Increment(ref _requests) > options.MaxRequestsPerSession)
        {
            Interlocked.Decrement(ref _requests);
            return (ErrorBody.TooManyRequests, $"This session has {options.MaxRequestsPerSession} requests waiting for answers, the most it takes; wait for answers before sending more.");
        }
        Interlocked.Increment(ref _running);
        return null;
    }

    /// <summary>
    /// Counts stream <paramref name="id"/> in, with its own way to stop (cancelled with the session
    /// too); or why it may not run.
    /// </summary>
    public (CancellationTokenSource? Stop, (string Name, string Message)? Refusal) TryStartStream(long id, CancellationToken session)
    {
        if (Interlocked.Increment(ref _streamCount) > options.MaxStreamsPerSession)
        {
            Interlocked.Decrement(ref _streamCount);
            return (null, (ErrorBody.TooManyStreams, $"This session has {options.MaxStreamsPerSession} QueryFinals and subscriptions open, the most it takes; cancel one first."));
        }
        var stop = CancellationTokenSource.CreateLinkedTokenSource(session);
        if (!_streams.TryAdd(id, stop))
        {
            Interlocked.Decrement(ref _streamCount);
            stop.Dispose();
            return (null, (ErrorBody.BadRequest, $"Envelope {id}: a stream with this id is still open; use a new id."));
        }
        Interlocked.Increment(ref _running);
        return (stop, null);
    }

    /// <summary>Stops stream <paramref name="id"/>, if it is still running.</summary>
    public async Task CancelAsync(long id)
    {
        if (_streams.TryRemove(id, out var running))
        {
            try
            {
                await running.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The stream ended meanwhile.
            }
        }
    }

    /// <summary>Counts a request (no <paramref name="stop"/>) or stream out.</summary>
    public void Finish(long id, CancellationTokenSource? stop)
    {
        if (stop is null)
        {
            Interlocked.Decrement(ref _requests);
        }
        else
        {
            _streams.TryRemove(new KeyValuePair<long, CancellationTokenSource>(id, stop));
            Interlocked.Decrement(ref _streamCount);
            stop.Dispose();
        }
        if (Interlocked.Decrement(ref _running) == 0)
        {
            _idle.TrySetResult();
        }
    }

    /// <summary>
    /// Called once the session is over (and its token cancelled): waits at most <paramref name="wait"/>
    /// for the work to end; false when some did not.
    /// </summary>
    public async Task<bool> EndAsync(TimeSpan wait)
    {
        if (Interlocked.Decrement(ref _running) == 0)
        {
            return true;
        }
        try
        {
            await _idle.Task.WaitAsync(wait).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
