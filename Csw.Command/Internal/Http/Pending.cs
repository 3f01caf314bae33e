using System.Threading.Channels;
using Csw.Params;

namespace Csw.Command.Internal.Http;

/// <summary>What waits for a session's envelopes of one id.</summary>
internal abstract class Pending
{
    /// <summary>Takes an envelope; true when nothing more is expected for this id.</summary>
    public abstract bool Deliver(EnvelopeKind kind, ReadOnlySpan<byte> payload);

    /// <summary>Ends the wait with <paramref name="failure"/>, or quietly when it is null.</summary>
    public abstract void Fail(Exception? failure);

    protected static Exception Unexpected(EnvelopeKind kind) =>
        new CommandServiceException(ErrorBody.BadRequest, $"The server sent an unexpected '{kind}' envelope.");
}

/// <summary>Waits for the one response of a request or QueryFinal.</summary>
internal sealed class PendingResponse : Pending
{
    private readonly TaskCompletionSource<ICommandResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ICommandResponse> Task => _response.Task;

    public override bool Deliver(EnvelopeKind kind, ReadOnlySpan<byte> payload)
    {
        try
        {
            switch (kind)
            {
                case EnvelopeKind.Response:
                    _response.TrySetResult(CswJson.Deserialize<ICommandResponse>(payload));
                    break;
                case EnvelopeKind.Error:
                    _response.TrySetException(ErrorBody.ToException(ErrorBody.Read(payload, ErrorBody.InternalError)));
                    break;
                case EnvelopeKind.End:
                    _response.TrySetException(new ConnectionLostException("The server ended the request without an answer."));
                    break;
                default:
                    _response.TrySetException(Unexpected(kind));
                    break;
            }
        }
        catch (CswJsonException e)
        {
            _response.TrySetException(new CommandServiceException(ErrorBody.BadRequest, $"The server's answer is not a command response: {e.Message}", e));
        }
        return true;
    }

    public override void Fail(Exception? failure) => _response.TrySetException(failure ?? new OperationCanceledException());
}

/// <summary>Waits for a subscription to be in place, then takes its states.</summary>
internal sealed class PendingStream : Pending
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // As the local subscriptions do: a reader that falls behind loses the oldest states, never the component's time.
    private readonly Channel<CurrentState> _states = Channel.CreateBounded<CurrentState>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });

    public Task Subscribed => _subscribed.Task;

    public ChannelReader<CurrentState> States => _states.Reader;

    public override bool Deliver(EnvelopeKind kind, ReadOnlySpan<byte> payload)
    {
        switch (kind)
        {
            case EnvelopeKind.Subscribed:
                _subscribed.TrySetResult();
                return false;
            case EnvelopeKind.State:
                try
                {
                    _states.Writer.TryWrite(CswJson.Deserialize<CurrentState>(payload));
                    return false;
                }
                catch (CswJsonException e)
                {
                    Fail(new CommandServiceException(ErrorBody.BadRequest, $"The server sent a state that is not a CurrentState: {e.Message}", e));
                    return true;
                }
            case EnvelopeKind.End:
                Fail(new ConnectionLostException("The server ended the CurrentState stream."));
                return true;
            case EnvelopeKind.Error:
                Fail(ErrorBody.Read(payload, ErrorBody.InternalError));
                return true;
            default:
                Fail(Unexpected(kind));
                return true;
        }
    }

    public override void Fail(Exception? failure)
    {
        _subscribed.TrySetException(failure ?? new OperationCanceledException());
        _states.Writer.TryComplete(failure);
        // Observed here so that a failure after the subscription was confirmed is not reported as unobserved.
        _ = _subscribed.Task.Exception;
    }
}
