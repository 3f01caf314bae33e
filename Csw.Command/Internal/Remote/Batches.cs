using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Event;

namespace Csw.Command.Internal.Remote;

/// <summary>A batch as it goes out: its bytes, written once on the sending side (<see cref="Batches"/>).</summary>
/// <param name="Manifest">Commands (<see cref="CswMessageSerializer.CommandBatchManifest"/>) or replies (<see cref="CswMessageSerializer.ReplyBatchManifest"/>).</param>
/// <param name="Bytes">The frame.</param>
internal sealed record OutgoingBatch(string Manifest, byte[] Bytes);

/// <summary>A client's commands as the component receives them: each with a reply address that sends its answer back in a batch.</summary>
/// <param name="Messages">Validate, Submit, Oneway, Query and QueryFinal messages, in the order the client sent them.</param>
internal sealed record CommandBatch(IReadOnlyList<ComponentMessage> Messages);

/// <summary>Answers to a client's commands as the client receives them, each under the number its request went out with.</summary>
/// <param name="Replies">Each answer with its request's number.</param>
internal sealed record ReplyBatch(IReadOnlyList<(long Correlation, object Reply)> Replies);

/// <summary>
/// The frames of the batched command path over Akka.Remote: a client's commands to a component, many in
/// one remote message, and the component's answers, many in one message back (see
/// <see cref="CommandChannel"/>). A frame is a header text (the client's reply address, or empty), a
/// count, and the items: each a correlation number, a serializer id, a manifest and the bytes.
/// </summary>
internal static class Batches
{
    /// <summary>A frame's limit, well under Akka.Remote's default maximum frame size (128,000 bytes); an item larger than it goes alone.</summary>
    public const int MaxFrameBytes = 64 * 1024;

    /// <summary>At most this many items in a frame: the component handles a batch in one turn, and the others wait meanwhile.</summary>
    public const int MaxItems = 256;

    /// <summary>One item, encoded.</summary>
    public readonly record struct Item(long Correlation, int SerializerId, string Manifest, byte[] Payload)
    {
        public int Size => Payload.Length + Manifest.Length + 24;
    }

    /// <summary>The items in as few frames as the limits allow, in order.</summary>
    public static IEnumerable<byte[]> Pack(string header, IReadOnlyList<Item> items)
    {
        var start = 0;
        while (start < items.Count)
        {
            var end = start + 1;
            var size = items[start].Size;
            while (end < items.Count && end - start < MaxItems && size + items[end].Size <= MaxFrameBytes)
            {
                size += items[end].Size;
                end++;
            }
            var writer = new EnvelopeWriter().Text(header).Count(end - start);
            for (var i = start; i < end; i++)
            {
                writer.Long(items[i].Correlation).Long(items[i].SerializerId).Text(items[i].Manifest).Bytes(items[i].Payload);
            }
            yield return writer.ToArray();
            start = end;
        }
    }

    /// <summary>
    /// A client's commands, each given a reply address that batches its answer back to the client. A
    /// command that cannot be read is answered at once with a <see cref="Status.Failure"/> saying why
    /// (the others run), and logged.
    /// </summary>
    /// <exception cref="FormatException">The frame itself is cut short or mangled.</exception>
    public static CommandBatch ReadCommands(byte[] bytes, ExtendedActorSystem system, Func<byte[], string, IActorRef, ComponentMessage> readBody)
    {
        var reader = new EnvelopeReader(bytes);
        var replies = new ReplySender(reader.Actor(system), system);
        var count = reader.Count();
        var messages = new List<ComponentMessage>(Math.Min(count, MaxItems));
        for (var i = 0; i < count; i++)
        {
            var (correlation, _, manifest, payload) = ReadItem(ref reader);
            var replyTo = new ReplySlot(replies, correlation);
            try
            {
                messages.Add(readBody(payload, manifest, replyTo));
            }
            catch (SerializationException e)
            {
                system.Log.Warning("Dropped a command from {0}: {1}", replies.Client.Path.Address, e.Message);
                replyTo.Tell(new Status.Failure(e));
            }
        }
        return new CommandBatch(messages);
    }

    /// <summary>Answers from a component. One that cannot be read is handed to its caller as a <see cref="Status.Failure"/> saying why, and logged.</summary>
    /// <exception cref="FormatException">The frame itself is cut short or mangled.</exception>
    public static ReplyBatch ReadReplies(byte[] bytes, ExtendedActorSystem system)
    {
        var reader = new EnvelopeReader(bytes);
        reader.Text();
        var count = reader.Count();
        var replies = new List<(long, object)>(Math.Min(count, MaxItems));
        for (var i = 0; i < count; i++)
        {
            var (correlation, serializerId, manifest, payload) = ReadItem(ref reader);
            try
            {
                replies.Add((correlation, system.Serialization.Deserialize(payload, serializerId, manifest)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var why = new SerializationException($"Cannot read the component's answer '{manifest}' of {payload.Length} bytes (serializer {serializerId}): {e.Message}", e);
                system.Log.Warning("{0}", why.Message);
                replies.Add((correlation, new Status.Failure(why)));
            }
        }
        return new ReplyBatch(replies);
    }

    private static Item ReadItem(ref EnvelopeReader reader)
    {
        var correlation = reader.Long();
        var serializerId = reader.Long();
        if (serializerId is < int.MinValue or > int.MaxValue)
        {
            throw new FormatException($"A serializer id of {serializerId}, out of range.");
        }
        return new(correlation, (int)serializerId, reader.Text(), reader.Bytes().ToArray());
    }
}
