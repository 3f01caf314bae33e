using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Serialization;
using Csw.Params;

namespace Csw.Crm.Internal.Journal;

/// <summary>
/// Writes the CRM's events and snapshots: a version byte, then length-prefixed UTF-8 fields, each
/// response as CSW's JSON. A record that cannot be read raises <see cref="SerializationException"/>.
/// </summary>
internal sealed class CrmJournalSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer's identifier; Akka reserves 0–40, CswMessageSerializer has 4711.</summary>
    public const int Id = 4712;

    private const byte Version = 1;

    private const string RecordedManifest = "CR";
    private const string AdmittedManifest = "RA";
    private const string AnsweredManifest = "RN";
    private const string SnapshotManifest = "SN";

    public static readonly Type[] Types = [typeof(CommandRecorded), typeof(RequestAdmitted), typeof(RequestAnswered), typeof(CrmSnapshot)];

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        CommandRecorded => RecordedManifest,
        RequestAdmitted => AdmittedManifest,
        RequestAnswered => AnsweredManifest,
        CrmSnapshot => SnapshotManifest,
        _ => throw new ArgumentException($"CrmJournalSerializer does not serialize {o.GetType().Name}."),
    };

    public override byte[] ToBinary(object obj)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            switch (obj)
            {
                case CommandRecorded recorded:
                    WriteResponse(writer, recorded.Response);
                    break;
                case RequestAdmitted admitted:
                    writer.Write(admitted.RequestId);
                    writer.Write(admitted.RunId.Value);
                    writer.Write(admitted.CommandName);
                    writer.Write(admitted.IsSubmit);
                    break;
                case RequestAnswered answered:
                    writer.Write(answered.RequestId);
                    writer.Write(answered.IsSubmit);
                    WriteResponse(writer, answered.Answer);
                    break;
                case CrmSnapshot snapshot:
                    writer.Write(snapshot.Commands.Count);
                    foreach (var response in snapshot.Commands)
                    {
                        WriteResponse(writer, response);
                    }
                    writer.Write(snapshot.Requests.Count);
                    foreach (var request in snapshot.Requests)
                    {
                        writer.Write(request.RequestId);
                        writer.Write(request.RunId.Value);
                        writer.Write(request.CommandName);
                        writer.Write(request.IsSubmit);
                        writer.Write(request.Answer is not null);
                        if (request.Answer is { } answer)
                        {
                            WriteResponse(writer, answer);
                        }
                    }
                    break;
                default:
                    throw new ArgumentException($"CrmJournalSerializer does not serialize {obj.GetType().Name}.");
            }
        }
        return stream.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                throw new SerializationException($"A CRM journal record '{manifest}' of an unknown version: written by another version of CswNet.");
            }
            return manifest switch
            {
                RecordedManifest => new CommandRecorded((ISubmitResponse)ReadResponse(reader)),
                AdmittedManifest => new RequestAdmitted(reader.ReadString(), new Params.Id(reader.ReadString()), reader.ReadString(), reader.ReadBoolean()),
                AnsweredManifest => ReadAnswered(reader),
                SnapshotManifest => ReadSnapshot(reader),
                _ => throw new SerializationException($"Unknown CRM journal manifest '{manifest}'."),
            };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or CswJsonException or InvalidCastException or FormatException)
        {
            throw new SerializationException($"Cannot read a CRM journal record '{manifest}' of {bytes.Length} bytes: {e.Message}", e);
        }
    }

    private static RequestAnswered ReadAnswered(BinaryReader reader)
    {
        var requestId = reader.ReadString();
        var isSubmit = reader.ReadBoolean();
        return new RequestAnswered(requestId, ReadResponse(reader), isSubmit);
    }

    private static CrmSnapshot ReadSnapshot(BinaryReader reader)
    {
        var commands = new List<ISubmitResponse>(reader.ReadInt32());
        for (var i = commands.Capacity; i > 0; i--)
        {
            commands.Add((ISubmitResponse)ReadResponse(reader));
        }
        var requests = new List<SnapshotRequest>(reader.ReadInt32());
        for (var i = requests.Capacity; i > 0; i--)
        {
            var requestId = reader.ReadString();
            var runId = new Params.Id(reader.ReadString());
            var commandName = reader.ReadString();
            var isSubmit = reader.ReadBoolean();
            var answer = reader.ReadBoolean() ? ReadResponse(reader) : null;
            requests.Add(new SnapshotRequest(requestId, runId, commandName, isSubmit, answer));
        }
        return new CrmSnapshot(commands, requests);
    }

    private static void WriteResponse(BinaryWriter writer, ICommandResponse response)
    {
        var json = CswJson.ToUtf8Bytes(response);
        writer.Write(json.Length);
        writer.Write(json);
    }

    private static ICommandResponse ReadResponse(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        var json = reader.ReadBytes(length);
        return json.Length == length ? CswJson.Deserialize<ICommandResponse>(json) : throw new EndOfStreamException("The record ends inside a response.");
    }
}
