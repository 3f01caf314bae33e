using System.Net.Http.Headers;
using System.Net.WebSockets;
using Csw.Params;
using Csw.Params.Messages;

namespace Csw.Command.Internal.Http;

/// <summary>
/// CswNet's session protocol: every request and stream of this client over one WebSocket,
/// opened on first use and again after it breaks.
/// </summary>
internal sealed class SessionTransport(Uri sessionUri, CommandServiceOptions options) : ICommandTransport
{
    /// <summary>Lets one caller at a time open the socket.</summary>
    private readonly SemaphoreSlim _connecting = new(1, 1);

    private readonly string? _authorization = options.Token is null ? null : new AuthenticationHeaderValue("Bearer", options.Token).ToString();

    /// <summary>Ids of envelopes, unique for the life of the client.</summary>
    private long _nextId;

    /// <summary>The current session, null before the first use and after disposal.</summary>
    private volatile ClientSession? _session;

    private volatile bool _disposed;

    public async Task<ICommandResponse> RequestAsync(CommandServiceRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(cancellationToken).ConfigureAwait(false);
        var id = Interlocked.Increment(ref _nextId);
        var pending = new PendingResponse();
        session.Start(id, pending, new Outgoing(id, EnvelopeKind.Request, request));
        try
        {
            return await pending.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
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
            throw new CommandServiceException(ErrorBody.Unavailable, $"The connection to {sessionUri} broke before the {request.GetType().Name} was answered; it may or may not have been applied. {e.Message}", e);
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
        return new StateStream(pending.States, () =>
        {
            session.Cancel(id);
            pending.Fail(null);
            return ValueTask.CompletedTask;
        });
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_session is { } session)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ClientSession> SessionOrLostAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SessionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CommandServiceException e) when (e.ErrorName == ErrorBody.Unavailable)
        {
            throw new ConnectionLostException(e.Message, e);
        }
    }

    private async ValueTask<ClientSession> SessionAsync(CancellationToken cancellationToken)
    {
        if (_session is { IsOpen: true } open)
        {
            return open;
        }
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is { IsOpen: true } again)
            {
                return again;
            }
            var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            if (_authorization is not null)
            {
                socket.Options.SetRequestHeader("Authorization", _authorization);
            }
            try
            {
                await socket.ConnectAsync(sessionUri, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or IOException or HttpRequestException)
            {
                socket.Dispose();
                throw socket.HttpStatusCode == System.Net.HttpStatusCode.Unauthorized
                    ? new CommandServiceException(ErrorBody.Unauthorized, $"{sessionUri} refused the session: it needs the right bearer token.", e)
                    : new CommandServiceException(ErrorBody.Unavailable, $"{sessionUri} cannot be reached: {e.Message}", e);
            }
            var session = new ClientSession(socket, sessionUri);
            _session = session;
            return session;
        }
        finally
        {
            _connecting.Release();
        }
    }
}
