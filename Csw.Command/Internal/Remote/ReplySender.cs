using Akka.Actor;
using Akka.Event;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// The component's side of a client's batch: sends the answers to its commands back to the client's
/// <see cref="ReplyReceiver"/>, as many in a message as are ready together.
/// </summary>
internal sealed class ReplySender
{
    private readonly Batcher<(long Correlation, object Reply)> _batcher;

    public ReplySender(IActorRef client, ExtendedActorSystem system)
    {
        Client = client;
        System = system;
        _batcher = new(Send, e => system.Log.Error(e, "Answers to {0} were not sent: {1}", client.Path, e.Message));
    }

    public IActorRef Client { get; }

    public ExtendedActorSystem System { get; }

    public void Add(long correlation, object reply) => _batcher.Add((correlation, reply));

    private void Send(List<(long Correlation, object Reply)> replies)
    {
        var items = new List<Batches.Item>(replies.Count);
        foreach (var (correlation, reply) in replies)
        {
            try
            {
                var serializer = System.Serialization.FindSerializerFor(reply);
                items.Add(new(correlation, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, reply), serializer.ToBinary(reply)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                System.Log.Error(e, "An answer of type {0} to {1} cannot be serialized, and was not sent: {2}", reply.GetType(), Client.Path, e.Message);
            }
        }
        foreach (var frame in Batches.Pack("", items))
        {
            Client.Tell(new OutgoingBatch(CswMessageSerializer.ReplyBatchManifest, frame), ActorRefs.NoSender);
        }
    }
}

/// <summary>
/// The reply address of one command of a batch (what the supervisor answers): what it is told goes
/// to the client with the number the command came with. Answers may come at once or much later (a
/// QueryFinal's), from any thread.
/// </summary>
internal sealed class ReplySlot(ReplySender replies, long correlation) : MinimalActorRef
{
    private ActorPath? _path;

    public override ActorPath Path => _path ??= replies.Client.Path / $"$reply{correlation}";

    public override IActorRefProvider Provider => replies.System.Provider;

    protected override void TellInternal(object message, IActorRef sender) => replies.Add(correlation, message);
}
