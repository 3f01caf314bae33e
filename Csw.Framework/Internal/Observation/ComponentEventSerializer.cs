using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using Csw.Command;
using Csw.Params;

namespace Csw.Framework.Internal.Observation;

/// <summary>
/// Puts <see cref="ComponentEvent"/>s on the cluster's wire as JSON: the component's prefix and
/// type, and its CurrentState in CSW's JSON or its lifecycle state's name. An event that cannot be
/// read raises <see cref="SerializationException"/>, which Akka.Remote logs before dropping it.
/// </summary>
internal sealed class ComponentEventSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer's identifier on the wire, beside <c>CswMessageSerializer</c>'s 4711.</summary>
    public const int Id = 4712;

    private const string StateManifest = "SP";
    private const string LifecycleManifest = "LC";

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        ComponentEvent.StatePublished => StateManifest,
        ComponentEvent.LifecycleChanged => LifecycleManifest,
        _ => throw new NotSupportedException($"ComponentEventSerializer does not serialize {o.GetType().Name}."),
    };

    public override byte[] ToBinary(object obj)
    {
        var change = obj as ComponentEvent ?? throw new NotSupportedException($"ComponentEventSerializer does not serialize {obj.GetType().Name}.");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("prefix", change.Component.Prefix.ToString());
            writer.WriteString("componentType", change.Component.ComponentType.ToString());
            switch (change)
            {
                case ComponentEvent.StatePublished published:
                    writer.WritePropertyName("state");
                    CswJson.Serialize(writer, published.State);
                    break;
                case ComponentEvent.LifecycleChanged lifecycle:
                    writer.WriteString("lifecycle", lifecycle.State.ToString());
                    break;
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var component = new ComponentId(Prefix.Parse(root.GetProperty("prefix").GetString()!), Enum.Parse<ComponentType>(root.GetProperty("componentType").GetString()!));
            return manifest switch
            {
                StateManifest => new ComponentEvent.StatePublished(component, CswJson.Deserialize<CurrentState>(root.GetProperty("state").GetRawText())),
                LifecycleManifest => new ComponentEvent.LifecycleChanged(component, Enum.Parse<SupervisorLifecycleState>(root.GetProperty("lifecycle").GetString()!)),
                _ => throw new SerializationException($"Unknown component event manifest '{manifest}': the sender runs another version of CswNet."),
            };
        }
        catch (Exception e) when (e is JsonException or CswJsonException or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SerializationException($"Cannot read a component event '{manifest}' of {bytes.Length} bytes: {e.Message}", e);
        }
    }
}
