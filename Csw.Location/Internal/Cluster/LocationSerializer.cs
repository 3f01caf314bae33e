using System.Buffers;
using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace Csw.Location.Internal.Cluster;

/// <summary>
/// The cluster backend's wire format: the replicated entries and the registrar's messages as JSON,
/// with locations in CSW's format (<see cref="LocationJson"/>), so that a replica can be read with
/// any JSON tool. Bytes it cannot read raise <see cref="SerializationException"/>, which Akka.Remote
/// logs before dropping the message; the connection stays up.
/// </summary>
internal sealed class LocationSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    private const string EntryManifest = "E";
    private const string RegisterManifest = "Reg";
    private const string UnregisterManifest = "Unreg";
    private const string UnregisterAllManifest = "UnregAll";
    private const string RegisteredManifest = "Ok";
    private const string RefusedManifest = "Refused";
    private const string DoneManifest = "Done";
    private const string FailedManifest = "Failed";
    private const string FollowManifest = "Follow";
    private const string SnapshotManifest = "Snapshot";
    private const string ChangedManifest = "Changed";

    public override int Identifier => ClusterConfig.SerializerId;

    public override string Manifest(object o) => o switch
    {
        ClusterRegistration => EntryManifest,
        Register => RegisterManifest,
        Unregister => UnregisterManifest,
        UnregisterAll => UnregisterAllManifest,
        Registered => RegisteredManifest,
        Refused => RefusedManifest,
        Done => DoneManifest,
        Failed => FailedManifest,
        Follow => FollowManifest,
        Snapshot => SnapshotManifest,
        LocationChanged => ChangedManifest,
        _ => throw new ArgumentException($"The location serializer does not write {o.GetType()}.", nameof(o)),
    };

    public override byte[] ToBinary(object obj)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            switch (obj)
            {
                case ClusterRegistration entry:
                    WriteEntry(writer, entry);
                    break;
                case Register register:
                    writer.WritePropertyName("entry");
                    writer.WriteStartObject();
                    WriteEntry(writer, register.Entry);
                    writer.WriteEndObject();
                    break;
                case Unregister unregister:
                    writer.WriteString("connection", unregister.ConnectionName);
                    if (unregister.IfAt is { } at)
                    {
                        WriteLocation(writer, "ifAt", at);
                    }
                    break;
                case Registered registered:
                    WriteLocation(writer, "location", registered.Location);
                    break;
                case Refused refused:
                    WriteLocation(writer, "other", refused.Other);
                    break;
                case Failed failed:
                    writer.WriteString("reason", failed.Reason);
                    break;
                case Follow follow:
                    writer.WriteNumber("known", follow.Known);
                    break;
                case Snapshot snapshot:
                    writer.WriteNumber("seq", snapshot.Sequence);
                    writer.WritePropertyName("locations");
                    LocationJson.Serialize<IReadOnlyList<Location>>(writer, snapshot.Locations);
                    break;
                case LocationChanged changed:
                    writer.WriteString("connection", changed.ConnectionName);
                    writer.WriteNumber("seq", changed.Sequence);
                    if (changed.Now is { } now)
                    {
                        WriteLocation(writer, "now", now);
                    }
                    break;
                case UnregisterAll or Done:
                    break;
                default:
                    throw new ArgumentException($"The location serializer does not write {obj.GetType()}.", nameof(obj));
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            return manifest switch
            {
                EntryManifest => ReadEntry(root),
                RegisterManifest => new Register(ReadEntry(root.GetProperty("entry"))),
                UnregisterManifest => new Unregister(root.GetProperty("connection").GetString()!,
                    root.TryGetProperty("ifAt", out var at) ? LocationJson.Deserialize<Location>(at, "$.ifAt") : null),
                UnregisterAllManifest => UnregisterAll.Instance,
                RegisteredManifest => new Registered(LocationJson.Deserialize<Location>(root.GetProperty("location"), "$.location")),
                RefusedManifest => new Refused(LocationJson.Deserialize<Location>(root.GetProperty("other"), "$.other")),
                DoneManifest => Done.Instance,
                FailedManifest => new Failed(root.GetProperty("reason").GetString()!),
                FollowManifest => new Follow(root.GetProperty("known").GetInt64()),
                SnapshotManifest => new Snapshot(LocationJson.Deserialize<IReadOnlyList<Location>>(root.GetProperty("locations"), "$.locations"), root.GetProperty("seq").GetInt64()),
                ChangedManifest => new LocationChanged(root.GetProperty("connection").GetString()!,
                    root.TryGetProperty("now", out var now) ? LocationJson.Deserialize<Location>(now, "$.now") : null, root.GetProperty("seq").GetInt64()),
                _ => throw new SerializationException($"Unknown location message manifest '{manifest}'."),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SerializationException($"Not a location message '{manifest}': {e.Message}", e);
        }
    }

    private static void WriteEntry(Utf8JsonWriter writer, ClusterRegistration entry)
    {
        WriteLocation(writer, "location", entry.Location);
        writer.WriteString("owner", entry.OwnerAddress);
        writer.WriteNumber("uid", entry.OwnerUid);
    }

    private static void WriteLocation(Utf8JsonWriter writer, string name, Location location)
    {
        writer.WritePropertyName(name);
        LocationJson.Serialize(writer, location);
    }

    private static ClusterRegistration ReadEntry(JsonElement element) => new(
        LocationJson.Deserialize<Location>(element.GetProperty("location"), "$.location"),
        element.GetProperty("owner").GetString() ?? throw new FormatException("The owner is null."),
        element.GetProperty("uid").GetInt64());
}
