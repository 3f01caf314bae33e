using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using Csw.Params;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// Puts CswNet's component messages, command responses and CurrentState on Akka.Remote's wire:
/// commands, responses and states as CSW's JSON (<see cref="CswJson"/>), the actor references and
/// runIds of a message around them in a small length-prefixed envelope (<see cref="EnvelopeWriter"/>).
/// A message that cannot be read raises <see cref="SerializationException"/>, which Akka.Remote logs
/// before dropping the message; the connection survives.
/// </summary>
internal sealed class CswMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer's identifier on the wire; Akka reserves 0–40 for its own.</summary>
    public const int Id = 4711;

    private const string ValidateManifest = "V";
    private const string SubmitManifest = "S";
    private const string OnewayManifest = "O";
    private const string QueryManifest = "Q";
    private const string QueryFinalManifest = "QF";
    private const string SubscribeManifest = "SS";
    private const string UnsubscribeManifest = "US";
    // The same with a request id or deadline; without either, the plain forms above (which older versions read).
    private const string ValidateExtrasManifest = "VX";
    private const string SubmitExtrasManifest = "SX";
    private const string OnewayExtrasManifest = "OX";
    private const string QueryFinalExtrasManifest = "QFX";
    private const string ResponseManifest = "R";
    private const string StateManifest = "CS";
    // Commands from one client and their replies, many in a message (Batches).
    internal const string CommandBatchManifest = "CB";
    internal const string ReplyBatchManifest = "RB";

    public override int Identifier => Id;

    public override string Manifest(object o) => TraceEnvelope.Manifest(o, ManifestOf(o));

    public override byte[] ToBinary(object obj) => TraceEnvelope.ToBinary(obj, ToBinaryOf(obj));

    public override object FromBinary(byte[] bytes, string manifest) => TraceEnvelope.FromBinary(bytes, manifest, FromBinaryOf);

    private static string ManifestOf(object o) => o switch
    {
        ComponentMessage.Validate { Deadline: not null } => ValidateExtrasManifest,
        ComponentMessage.Validate => ValidateManifest,
        ComponentMessage.Submit submit when submit.RequestId is not null || submit.Deadline is not null => SubmitExtrasManifest,
        ComponentMessage.Submit => SubmitManifest,
        ComponentMessage.Oneway oneway when oneway.RequestId is not null || oneway.Deadline is not null => OnewayExtrasManifest,
        ComponentMessage.Oneway => OnewayManifest,
        ComponentMessage.Query => QueryManifest,
        ComponentMessage.QueryFinal { Deadline: not null } => QueryFinalExtrasManifest,
        ComponentMessage.QueryFinal => QueryFinalManifest,
        ComponentMessage.SubscribeCurrentStateTo => SubscribeManifest,
        ComponentMessage.UnsubscribeCurrentState => UnsubscribeManifest,
        CommandResponse => ResponseManifest,
        OutgoingBatch batch => batch.Manifest,
        CurrentState => StateManifest,
        _ => AdminEnvelopes.Manifest(o) ?? throw Unsupported(o),
    };

    private static byte[] ToBinaryOf(object obj) => obj switch
    {
        CommandResponse response => CswJson.ToUtf8Bytes(response),
        CurrentState state => CswJson.ToUtf8Bytes(state),
        OutgoingBatch batch => batch.Bytes,
        ComponentMessage.SubscribeCurrentStateTo subscribe => WriteSubscribe(subscribe),
        ComponentMessage.UnsubscribeCurrentState unsubscribe => new EnvelopeWriter().Actor(unsubscribe.Subscriber).ToArray(),
        ComponentMessage message when ReplyToOf(message) is { } replyTo => WriteBody(new EnvelopeWriter().Actor(replyTo), message),
        _ => AdminEnvelopes.ToBinary(obj) ?? throw Unsupported(obj),
    };

    /// <summary>The manifest of a command message (Validate, Submit, Oneway, Query, QueryFinal) with its trace context, as a batch carries it.</summary>
    internal static string BodyManifest(ComponentMessage message) => TraceEnvelope.Manifest(message, ManifestOf(message));

    /// <summary>A command message without its reply address (a batch has one for all), with its trace context.</summary>
    internal static byte[] BodyBytes(ComponentMessage message) => TraceEnvelope.ToBinary(message, WriteBody(new EnvelopeWriter(), message));

    private static IActorRef? ReplyToOf(ComponentMessage message) => message switch
    {
        ComponentMessage.Validate validate => validate.ReplyTo,
        ComponentMessage.Submit submit => submit.ReplyTo,
        ComponentMessage.Oneway oneway => oneway.ReplyTo,
        ComponentMessage.Query query => query.ReplyTo,
        ComponentMessage.QueryFinal queryFinal => queryFinal.ReplyTo,
        _ => null,
    };

    /// <summary>What follows a command message's reply address: its request id and deadline when it has them, then its command or runId.</summary>
    private static byte[] WriteBody(EnvelopeWriter writer, ComponentMessage message) => message switch
    {
        ComponentMessage.Validate { Deadline: not null } validate => writer.Extras(null, validate.Deadline).Command(validate.Command),
        ComponentMessage.Validate validate => writer.Command(validate.Command),
        ComponentMessage.Submit submit when submit.RequestId is not null || submit.Deadline is not null => writer.Extras(submit.RequestId, submit.Deadline).Command(submit.Command),
        ComponentMessage.Submit submit => writer.Command(submit.Command),
        ComponentMessage.Oneway oneway when oneway.RequestId is not null || oneway.Deadline is not null => writer.Extras(oneway.RequestId, oneway.Deadline).Command(oneway.Command),
        ComponentMessage.Oneway oneway => writer.Command(oneway.Command),
        ComponentMessage.Query query => writer.Text(query.RunId.Value).ToArray(),
        ComponentMessage.QueryFinal { Deadline: not null } queryFinal => writer.Extras(null, queryFinal.Deadline).Text(queryFinal.RunId.Value).ToArray(),
        ComponentMessage.QueryFinal queryFinal => writer.Text(queryFinal.RunId.Value).ToArray(),
        _ => throw Unsupported(message),
    };

    private object FromBinaryOf(byte[] bytes, string manifest)
    {
        try
        {
            var reader = new EnvelopeReader(bytes);
            return manifest switch
            {
                ResponseManifest => CswJson.Deserialize<CommandResponse>(bytes),
                StateManifest => CswJson.Deserialize<CurrentState>(bytes),
                CommandBatchManifest => Batches.ReadCommands(bytes, system, ReadBodyOf),
                ReplyBatchManifest => Batches.ReadReplies(bytes, system),
                SubscribeManifest => ReadSubscribe(ref reader),
                UnsubscribeManifest => new ComponentMessage.UnsubscribeCurrentState(reader.Actor(system)),
                _ when IsBody(manifest) => ReadAddressedBody(ref reader, manifest),
                _ => AdminEnvelopes.FromBinary(bytes, manifest, system) ?? throw new SerializationException($"Unknown CswNet message manifest '{manifest}': the sender runs another version of CswNet."),
            };
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw Unreadable(manifest, bytes.Length, e);
        }
    }

    private static bool IsUnreadable(Exception e) => e is JsonException or CswJsonException or FormatException or ArgumentException;

    private static SerializationException Unreadable(string manifest, int length, Exception e) =>
        new($"Cannot read a CswNet message '{manifest}' of {length} bytes: {e.Message}", e);

    /// <summary>A command message on its own: its reply address, then its body.</summary>
    private ComponentMessage ReadAddressedBody(ref EnvelopeReader reader, string manifest)
    {
        var replyTo = reader.Actor(system);
        return ReadBody(ref reader, manifest, replyTo);
    }

    /// <summary>A command message in a batch: what <see cref="BodyManifest"/> and <see cref="BodyBytes"/> wrote, with its reply address.</summary>
    /// <exception cref="SerializationException">It cannot be read.</exception>
    private ComponentMessage ReadBodyOf(byte[] bytes, string manifest, IActorRef replyTo) =>
        (ComponentMessage)TraceEnvelope.FromBinary(bytes, manifest, (body, bodyManifest) =>
        {
            if (!IsBody(bodyManifest))
            {
                throw new SerializationException($"A batch holds a '{bodyManifest}', which is not a command message: the sender runs another version of CswNet.");
            }
            try
            {
                var reader = new EnvelopeReader(body);
                return ReadBody(ref reader, bodyManifest, replyTo);
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                throw Unreadable(bodyManifest, body.Length, e);
            }
        });

    private static bool IsBody(string manifest) => manifest is ValidateManifest or SubmitManifest or OnewayManifest or QueryManifest or QueryFinalManifest
        or ValidateExtrasManifest or SubmitExtrasManifest or OnewayExtrasManifest or QueryFinalExtrasManifest;

    /// <summary>What <see cref="WriteBody"/> wrote for this manifest, with this reply address.</summary>
    private static ComponentMessage ReadBody(ref EnvelopeReader reader, string manifest, IActorRef replyTo)
    {
        switch (manifest)
        {
            case ValidateManifest:
                return new ComponentMessage.Validate(reader.Command(), replyTo);
            case SubmitManifest:
                return new ComponentMessage.Submit(reader.Command(), replyTo);
            case OnewayManifest:
                return new ComponentMessage.Oneway(reader.Command(), replyTo);
            case QueryManifest:
                return new ComponentMessage.Query(new Id(reader.Text()), replyTo);
            case QueryFinalManifest:
                return new ComponentMessage.QueryFinal(new Id(reader.Text()), replyTo);
        }
        var (requestId, deadline) = reader.Extras();
        return manifest switch
        {
            ValidateExtrasManifest => new ComponentMessage.Validate(reader.Command(), replyTo) { Deadline = deadline },
            SubmitExtrasManifest => new ComponentMessage.Submit(reader.Command(), replyTo) { RequestId = requestId, Deadline = deadline },
            OnewayExtrasManifest => new ComponentMessage.Oneway(reader.Command(), replyTo) { RequestId = requestId, Deadline = deadline },
            _ => new ComponentMessage.QueryFinal(new Id(reader.Text()), replyTo) { Deadline = deadline },
        };
    }

    private static byte[] WriteSubscribe(ComponentMessage.SubscribeCurrentStateTo subscribe)
    {
        var writer = new EnvelopeWriter().Actor(subscribe.Subscriber).Actor(subscribe.ReplyTo);
        // All states (null) is told apart from an empty list by the missing count.
        if (subscribe.Names is { } names)
        {
            writer.Count(names.Count);
            foreach (var name in names)
            {
                writer.Text(name.Name);
            }
        }
        return writer.ToArray();
    }

    private ComponentMessage.SubscribeCurrentStateTo ReadSubscribe(ref EnvelopeReader reader)
    {
        var subscriber = reader.Actor(system);
        var replyTo = reader.Actor(system);
        List<StateName>? names = null;
        if (!reader.AtEnd)
        {
            var count = reader.Count();
            names = new List<StateName>(Math.Min(count, 64));
            for (var i = 0; i < count; i++)
            {
                names.Add(new StateName(reader.Text()));
            }
        }
        return new ComponentMessage.SubscribeCurrentStateTo(names, subscriber, replyTo);
    }

    private static NotSupportedException Unsupported(object o) => new(o is ComponentMessage.SubscribeCurrentState
        ? "SubscribeCurrentState answers with an object and works only in one process; across processes send SubscribeCurrentStateTo."
        : $"CswMessageSerializer does not serialize {o.GetType().Name}.");
}
