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
        CurrentState => StateManifest,
        _ => AdminEnvelopes.Manifest(o) ?? throw Unsupported(o),
    };

    private static byte[] ToBinaryOf(object obj) => obj switch
    {
        CommandResponse response => CswJson.ToUtf8Bytes(response),
        CurrentState state => CswJson.ToUtf8Bytes(state),
        ComponentMessage.Validate { Deadline: not null } validate => new EnvelopeWriter().Actor(validate.ReplyTo).Extras(null, validate.Deadline).Command(validate.Command),
        ComponentMessage.Validate validate => new EnvelopeWriter().Actor(validate.ReplyTo).Command(validate.Command),
        ComponentMessage.Submit submit when submit.RequestId is not null || submit.Deadline is not null => new EnvelopeWriter().Actor(submit.ReplyTo).Extras(submit.RequestId, submit.Deadline).Command(submit.Command),
        ComponentMessage.Submit submit => new EnvelopeWriter().Actor(submit.ReplyTo).Command(submit.Command),
        ComponentMessage.Oneway oneway when oneway.RequestId is not null || oneway.Deadline is not null => new EnvelopeWriter().Actor(oneway.ReplyTo).Extras(oneway.RequestId, oneway.Deadline).Command(oneway.Command),
        ComponentMessage.Oneway oneway => new EnvelopeWriter().Actor(oneway.ReplyTo).Command(oneway.Command),
        ComponentMessage.Query query => new EnvelopeWriter().Actor(query.ReplyTo).Text(query.RunId.Value).ToArray(),
        ComponentMessage.QueryFinal { Deadline: not null } queryFinal => new EnvelopeWriter().Actor(queryFinal.ReplyTo).Extras(null, queryFinal.Deadline).Text(queryFinal.RunId.Value).ToArray(),
        ComponentMessage.QueryFinal queryFinal => new EnvelopeWriter().Actor(queryFinal.ReplyTo).Text(queryFinal.RunId.Value).ToArray(),
        ComponentMessage.SubscribeCurrentStateTo subscribe => WriteSubscribe(subscribe),
        ComponentMessage.UnsubscribeCurrentState unsubscribe => new EnvelopeWriter().Actor(unsubscribe.Subscriber).ToArray(),
        _ => AdminEnvelopes.ToBinary(obj) ?? throw Unsupported(obj),
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
                ValidateManifest => ReadCommand(ref reader, static (command, replyTo) => new ComponentMessage.Validate(command, replyTo)),
                SubmitManifest => ReadCommand(ref reader, static (command, replyTo) => new ComponentMessage.Submit(command, replyTo)),
                OnewayManifest => ReadCommand(ref reader, static (command, replyTo) => new ComponentMessage.Oneway(command, replyTo)),
                QueryManifest => ReadQuery(ref reader, static (runId, replyTo) => new ComponentMessage.Query(runId, replyTo)),
                QueryFinalManifest => ReadQuery(ref reader, static (runId, replyTo) => new ComponentMessage.QueryFinal(runId, replyTo)),
                ValidateExtrasManifest => ReadWithExtras(ref reader, static (command, replyTo, _, deadline) => new ComponentMessage.Validate(command, replyTo) { Deadline = deadline }),
                SubmitExtrasManifest => ReadWithExtras(ref reader, static (command, replyTo, requestId, deadline) => new ComponentMessage.Submit(command, replyTo) { RequestId = requestId, Deadline = deadline }),
                OnewayExtrasManifest => ReadWithExtras(ref reader, static (command, replyTo, requestId, deadline) => new ComponentMessage.Oneway(command, replyTo) { RequestId = requestId, Deadline = deadline }),
                QueryFinalExtrasManifest => ReadQueryFinalWithExtras(ref reader),
                SubscribeManifest => ReadSubscribe(ref reader),
                UnsubscribeManifest => new ComponentMessage.UnsubscribeCurrentState(reader.Actor(system)),
                _ => AdminEnvelopes.FromBinary(bytes, manifest, system) ?? throw new SerializationException($"Unknown CswNet message manifest '{manifest}': the sender runs another version of CswNet."),
            };
        }
        catch (Exception e) when (e is JsonException or CswJsonException or FormatException or ArgumentException)
        {
            throw new SerializationException($"Cannot read a CswNet message '{manifest}' of {bytes.Length} bytes: {e.Message}", e);
        }
    }

    private ComponentMessage ReadCommand(ref EnvelopeReader reader, Func<ControlCommand, IActorRef, ComponentMessage> make)
    {
        var replyTo = reader.Actor(system);
        return make(reader.Command(), replyTo);
    }

    private ComponentMessage ReadWithExtras(ref EnvelopeReader reader, Func<ControlCommand, IActorRef, string?, DateTime?, ComponentMessage> make)
    {
        var replyTo = reader.Actor(system);
        var (requestId, deadline) = reader.Extras();
        return make(reader.Command(), replyTo, requestId, deadline);
    }

    private ComponentMessage.QueryFinal ReadQueryFinalWithExtras(ref EnvelopeReader reader)
    {
        var replyTo = reader.Actor(system);
        var (_, deadline) = reader.Extras();
        return new ComponentMessage.QueryFinal(new Id(reader.Text()), replyTo) { Deadline = deadline };
    }

    private ComponentMessage ReadQuery(ref EnvelopeReader reader, Func<Id, IActorRef, ComponentMessage> make)
    {
        var replyTo = reader.Actor(system);
        return make(new Id(reader.Text()), replyTo);
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
