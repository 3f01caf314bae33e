using System.Diagnostics;
using System.Net.Http.Headers;
using Csw.Params;
using Csw.Params.Messages;

namespace Csw.Command.Internal.Http;

/// <summary>
/// CswNet's session protocol: every request and stream of this client over one WebSocket,
/// opened on first use and again after it breaks. Opening is shared: callers wait for it within
/// their own timeout, and the attempt itself gives up after <see cref="CommandServiceOptions.Timeout"/>.
/// </summary>
internal sealed class SessionTransport(Uri sessionUri, CommandServiceOptions options) : ICommandTransport
{
    /// <summary>Guards <see cref="_session"/> and <see cref="_isDisposed"/> together.</summary>
    private readonly Lock _gate = new();

    /// <summary>Cancelled on disposal: ends an opening in progress.</summary>
    private readonly CancellationTokenSource _disposing = new();

    private readonly string? _authorization = options.Token is null ? null : new AuthenticationHeaderValue("Bearer", options.Token).ToString();

    /// <summary>Ids of envelopes, unique for the life of the client.</summary>
    private long _nextId;

    /// <summary>The session being opened, open, or last broken; null before the first use.</summary>
    private volatile Task<ClientSession>? _session;

    private bool _isDisposed;

    /// <summary>CswNet's endpoint remembers request ids: a Submit or Oneway sent again runs once.</summary>
    public bool Deduplicates => true;

    public async Task<ICommandResponse> RequestAsync(CommandServiceRequest request, string? requestId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        ClientSession session;
        try
        {
            session = await SessionAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException || (e is CommandServiceException && e.InnerException is OperationCanceledException))
        {
            // This call's wait or the opening's own ran out first: either way, the call timed out.
            throw new TimeoutException($"{sessionUri} did not open a session within {timeout.TotalSeconds:0.###} s, so the {request.GetType().Name} was not sent.", e);
        }
        var id = Interlocked.Increment(ref _nextId);
        var pending = new PendingResponse();
        session.Start(id, pending, new Outgoing(id, EnvelopeKind.Request, request, requestId) { TraceParent = Telemetry.EndpointTelemetry.CurrentTraceParent() });
        try
        {
            var left = timeout - Stopwatch.GetElapsedTime(started);
            return await pending.Task.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            session.Forget(id);
            throw new TimeoutException($"{sessionUri} did not answer a {request.GetType().Name} within {timeout.TotalSeconds:0.###} s.");
        }
        catch (OperationCanceledException)
        {
            session.Forget(id);
            throw;
        }
        catch (ConnectionLostException e)
        {
            throw new ConnectionLostException($"The connection to {sessionUri} broke before the {request.GetType().Name} was answered. {e.Message}", e);
        }
    }

    public async Task<ISubmitResponse> QueryFinalAsync(QueryFinal request, CancellationToken cancellationToken)
    {
        var session = await SessionOrLostAsync(cancellationToken).ConfigureAwait(false);
        var id = Interlocked.Increment(ref _nextId);
        var pending = new PendingResponse();
        session.Start(id, pending, new Outgoing(id, EnvelopeKind.Stream, request));
        try
        {
            return await pending.Task.WaitAsync(cancellationToken).ConfigureAwait(false) as ISubmitResponse
                ?? throw new CommandServiceException(ErrorBody.BadRequest, $"{sessionUri} answered a QueryFinal with something other than a submit response.");
        }
        catch (OperationCanceledException)
        {
            session.Cancel(id);
            throw;
        }
    }

    public async Task<StateStream> SubscribeAsync(SubscribeCurrentState request, CancellationToken cancellationToken)
    {
        var session = await SessionOrLostAsync(cancellationToken).ConfigureAwait(false);
        var id = Interlocked.Increment(ref _nextId);
        var pending = new PendingStream();
        session.Start(id, pending, new Outgoing(id, EnvelopeKind.Stream, request));
        try
        {
            await pending.Subscribed.WaitAsync(options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            session.Cancel(id);
            throw;
        }
        return StateStream.Of(pending.States, () =>
        {
            session.Cancel(id);
            pending.Fail(null);
            return ValueTask.CompletedTask;
        });
    }

    public async ValueTask DisposeAsync()
    {
        Task<ClientSession>? session;
        lock (_gate)
        {
            if (_isDisposed)
            {
                return;
            }
            _isDisposed = true;
            session = _session;
        }
        await _disposing.CancelAsync().ConfigureAwait(false);
        if (session is null)
        {
            return;
        }
        try
        {
            await (await session.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandServiceException or ObjectDisposedException or OperationCanceledException)
        {
            // It never opened, or was closed by the opening itself on seeing the disposal.
        }
    }

    private async Task<ClientSession> SessionOrLostAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SessionAsync(options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new ConnectionLostException($"{sessionUri} did not open a session within {options.Timeout.TotalSeconds:0.###} s.", e);
        }
        catch (CommandServiceException e) when (e.ErrorName == ErrorBody.Unavailable)
        {
            throw new ConnectionLostException(e.Message, e);
        }
    }

    /// <summary>The open session, waiting at most <paramref name="wait"/> for it to open (<see cref="TimeoutException"/> after).</summary>
    private async ValueTask<ClientSession> SessionAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var current = _session;
        if (current is { IsCompletedSuccessfully: true } && current.Result.IsOpen)
        {
            return current.Result;
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            current = _session;
            if (current is null || (current.IsCompleted && !(current.IsCompletedSuccessfully && current.Result.IsOpen)))
            {
                current = _session = Task.Run(OpenAsync);
            }
        }
        return await current.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ClientSession> OpenAsync()
    {
        var socket = ClientSockets.Create(_authorization, options);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_disposing.Token);
        limit.CancelAfter(options.Timeout);
        try
        {
            await socket.ConnectAsync(sessionUri, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            socket.Dispose();
            ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
            throw ClientSockets.Refusal(socket, sessionUri, "the session", e, options.Timeout);
        }
        var session = new ClientSession(socket, sessionUri, options);
        lock (_gate)
        {
            if (!_isDisposed)
            {
                return session;
            }
        }
        // Disposed while this was connecting: nobody else will close it.
        await session.DisposeAsync().ConfigureAwait(false);
        throw new ObjectDisposedException(ToString());
    }

    public override string ToString() => $"session with {sessionUri}";
}
