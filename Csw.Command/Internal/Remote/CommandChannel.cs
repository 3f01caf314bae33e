using System.Runtime.ExceptionServices;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Event;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// A client's way to one component in another process, for Validate, Submit, Oneway, Query and
/// QueryFinal. Requests made at about the same time go in one Akka.Remote message (a batch, written by
/// a <see cref="Batcher{T}"/> off the callers' threads), and the component sends the answers that are
/// ready together in one message back to this process's <see cref="ReplyReceiver"/>. A lone caller
/// pays one thread-pool hop; 64 callers share each message's cost (Akka.Remote's own, most of a
/// command's, is per message). Requests keep their order.
/// </summary>
internal sealed class CommandChannel
{
    private readonly IActorRef _component;
    private readonly ReplyReceiver _receiver;
    private readonly Batcher<(long Correlation, ComponentMessage Message)> _batcher;

    public CommandChannel(IActorRef component, ActorSystem system)
    {
        _component = component;
        _receiver = ReplyReceiver.For((ExtendedActorSystem)system);
        _batcher = new(Send, e => system.Log.Error(e, "Commands to {0} were not sent: {1}", component.Path, e.Message));
    }

    /// <summary>Asks once; a timeout is a <see cref="TimeoutException"/> naming the component.</summary>
    public Task<TReply> AskAsync<TReply>(Func<IActorRef, ComponentMessage> request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RemoteAsk.OnceAsync(_component.Path, wait => AskOnceAsync<TReply>(request, wait, cancellationToken), timeout);

    /// <summary>Asks, and asks again with the same request until an answer comes (<see cref="RemoteAsk.RepeatingAsync"/>).</summary>
    public Task<TReply> AskIdempotentAsync<TReply>(Func<IActorRef, ComponentMessage> request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RemoteAsk.RepeatingAsync(_component.Path, wait => AskOnceAsync<TReply>(request, wait, cancellationToken), timeout);

    /// <exception cref="AskTimeoutException">No answer within <paramref name="timeout"/>.</exception>
    private async Task<TReply> AskOnceAsync<TReply>(Func<IActorRef, ComponentMessage> request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (correlation, answer) = _receiver.Expect();
        object reply;
        try
        {
            _batcher.Add((correlation, request(_receiver)));
            reply = await answer.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _receiver.Forget(correlation);
            throw new AskTimeoutException($"No answer within {timeout.TotalMilliseconds:0} ms.");
        }
        catch
        {
            _receiver.Forget(correlation);
            throw;
        }
        if (reply is Status.Failure failure)
        {
            ExceptionDispatchInfo.Throw(failure.Cause);
        }
        return reply is TReply answered
            ? answered
            : throw new InvalidOperationException($"{_component.Path} answered {reply.GetType().Name} where a {typeof(TReply).Name} was expected.");
    }

    private void Send(List<(long Correlation, ComponentMessage Message)> requests)
    {
        var items = new List<Batches.Item>(requests.Count);
        foreach (var (correlation, message) in requests)
        {
            try
            {
                items.Add(new(correlation, CswMessageSerializer.Id, CswMessageSerializer.BodyManifest(message), CswMessageSerializer.BodyBytes(message)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _receiver.Complete(correlation, new Status.Failure(new SerializationException($"Cannot write {message.GetType().Name} for {_component.Path}: {e.Message}", e)));
            }
        }
        foreach (var frame in Batches.Pack(_receiver.Address, items))
        {
            _component.Tell(new OutgoingBatch(CswMessageSerializer.CommandBatchManifest, frame), ActorRefs.NoSender);
        }
    }
}
