using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using Csw.Params;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// Puts CswNet's component messages, command responses and CurrentState on Akka.Remote's wire as
/// CSW's JSON: a command, response or state is written by CSW's own codec (<see cref="CswJson"/>),
/// the message around it as a small JSON object whose actor references are their serialized paths.
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
    private const string ResponseManifest = "R";
    private const string StateManifest = "CS";

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        ComponentMessage.Validate => ValidateManifest,
        ComponentMessage.Submit => SubmitManifest,
        ComponentMessage.Oneway => OnewayManifest,
        ComponentMessage.Query => QueryManifest,
        ComponentMessage.QueryFinal => QueryFinalManifest,
        ComponentMessage.SubscribeCurrentStateTo => SubscribeManifest,
        ComponentMessage.UnsubscribeCurrentState => UnsubscribeManifest,
        CommandResponse => ResponseManifest,
        CurrentState => StateManifest,
        _ => throw Unsupported(o),
    };

    public override byte[] ToBinary(object obj)
    {
        switch (obj)
        {
            case CommandResponse response:
                return CswJson.ToUtf8Bytes(response);
            case CurrentState state:
                return CswJson.ToUtf8Bytes(state);
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            switch (obj)
            {
                case ComponentMessage.Validate validate:
                    WriteCommand(writer, validate.Command, validate.ReplyTo);
                    break;
                case ComponentMessage.Submit submit:
                    WriteCommand(writer, submit.Command, submit.ReplyTo);
                    break;
                case ComponentMessage.Oneway oneway:
                    WriteCommand(writer, oneway.Command, oneway.ReplyTo);
                    break;
                case ComponentMessage.Query query:
                    WriteQuery(writer, query.RunId, query.ReplyTo);
                    break;
                case ComponentMessage.QueryFinal queryFinal:
                    WriteQuery(writer, queryFinal.RunId, queryFinal.ReplyTo);
                    break;
                case ComponentMessage.SubscribeCurrentStateTo subscribe:
                    WriteNames(writer, subscribe.Names);
                    WriteActor(writer, "subscriber", subscribe.Subscriber);
                    WriteActor(writer, "replyTo", subscribe.ReplyTo);
                    break;
                case ComponentMessage.UnsubscribeCurrentState unsubscribe:
                    WriteActor(writer, "subscriber", unsubscribe.Subscriber);
                    break;
                default:
                    throw Unsupported(obj);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        try
        {
            return manifest switch
            {
                ResponseManifest => CswJson.Deserialize<CommandResponse>(bytes),
                StateManifest => CswJson.Deserialize<CurrentState>(bytes),
                _ => ReadMessage(bytes, manifest),
            };
        }
        catch (Exception e) when (e is JsonException or CswJsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new SerializationException($"Cannot read a CswNet message '{manifest}' of {bytes.Length} bytes: {e.Message}", e);
        }
    }

    private object ReadMessage(byte[] bytes, string manifest)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        return manifest switch
        {
            ValidateManifest => new ComponentMessage.Validate(ReadCommand(root), ReadActor(root, "replyTo")),
            SubmitManifest => new ComponentMessage.Submit(ReadCommand(root), ReadActor(root, "replyTo")),
            OnewayManifest => new ComponentMessage.Oneway(ReadCommand(root), ReadActor(root, "replyTo")),
            QueryManifest => new ComponentMessage.Query(new Id(root.GetProperty("runId").GetString()!), ReadActor(root, "replyTo")),
            QueryFinalManifest => new ComponentMessage.QueryFinal(new Id(root.GetProperty("runId").GetString()!), ReadActor(root, "replyTo")),
            SubscribeManifest => new ComponentMessage.SubscribeCurrentStateTo(ReadNames(root), ReadActor(root, "subscriber"), ReadActor(root, "replyTo")),
            UnsubscribeManifest => new ComponentMessage.UnsubscribeCurrentState(ReadActor(root, "subscriber")),
            _ => throw new SerializationException($"Unknown CswNet message manifest '{manifest}': the sender runs another version of CswNet."),
        };
    }

    private static void WriteCommand(Utf8JsonWriter writer, ControlCommand command, IActorRef replyTo)
    {
        writer.WritePropertyName("command");
        CswJson.Serialize<ControlCommand>(writer, command);
        WriteActor(writer, "replyTo", replyTo);
    }

    private static void WriteQuery(Utf8JsonWriter writer, Id runId, IActorRef replyTo)
    {
        writer.WriteString("runId", runId.Value);
        WriteActor(writer, "replyTo", replyTo);
    }

    private static void WriteNames(Utf8JsonWriter writer, IReadOnlyList<StateName>? names)
    {
        if (names is null)
        {
            return;
        }
        writer.WriteStartArray("names");
        foreach (var name in names)
        {
            writer.WriteStringValue(name.Name);
        }
        writer.WriteEndArray();
    }

    private static void WriteActor(Utf8JsonWriter writer, string property, IActorRef actor) =>
        writer.WriteString(property, Serialization.SerializedActorPath(actor));

    private static ControlCommand ReadCommand(JsonElement root) =>
        CswJson.Deserialize<ControlCommand>(root.GetProperty("command").GetRawText());

    private static List<StateName>? ReadNames(JsonElement root) =>
        root.TryGetProperty("names", out var names) ? [.. names.EnumerateArray().Select(name => new StateName(name.GetString()!))] : null;

    private IActorRef ReadActor(JsonElement root, string property) =>
        system.Provider.ResolveActorRef(root.GetProperty(property).GetString()!);

    private static NotSupportedException Unsupported(object o) => new(o is ComponentMessage.SubscribeCurrentState
        ? "SubscribeCurrentState answers with an object and works only in one process; across processes send SubscribeCurrentStateTo."
        : $"CswMessageSerializer does not serialize {o.GetType().Name}.");
}
