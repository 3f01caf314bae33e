using System.Runtime.Serialization;
using System.Text;
using Csw.Params;

namespace Csw.Crm.Internal.Journal;

/// <summary>
/// Writes the CRM's events and snapshots as bytes, which the journal stores as they are (Akka's own
/// byte-array serializer; no serializer bindings needed in the actor system): a version byte, a
/// kind byte, then length-prefixed UTF-8 fields, each response as CSW's JSON. A record that cannot
/// be read raises <see cref="SerializationException"/>.
/// </summary>
internal static class CrmJournalCodec
{
    private const byte Version = 1;

    private const byte RecordedKind = 1;
    private const byte AdmittedKind = 2;
    private const byte AnsweredKind = 3;
    private const byte SnapshotKind = 4;

    public static byte[] Encode(object record)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            switch (record)
            {
                case CommandRecorded recorded:
                    writer.Write(RecordedKind);
                    WriteResponse(writer, recorded.Response);
                    break;
                case RequestAdmitted admitted:
                    writer.Write(AdmittedKind);
                    writer.Write(admitted.RequestId);
                    writer.Write(admitted.RunId.Value);
                    writer.Write(admitted.CommandName);
                    writer.Write(admitted.IsSubmit);
                    break;
                case RequestAnswered answered:
                    writer.Write(AnsweredKind);
                    writer.Write(answered.RequestId);
                    writer.Write(answered.IsSubmit);
                    WriteResponse(writer, answered.Answer);
                    break;
                case CrmSnapshot snapshot:
                    writer.Write(SnapshotKind);
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
                    throw new ArgumentException($"Not a CRM journal record: {record.GetType().Name}.", nameof(record));
            }
        }
        return stream.ToArray();
    }

    public static object Decode(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                throw new SerializationException("A CRM journal record of an unknown version: written by another version of CswNet.");
            }
            return reader.ReadByte() switch
            {
                RecordedKind => new CommandRecorded((ISubmitResponse)ReadResponse(reader)),
                AdmittedKind => new RequestAdmitted(reader.ReadString(), new Id(reader.ReadString()), reader.ReadString(), reader.ReadBoolean()),
                AnsweredKind => ReadAnswered(reader),
                SnapshotKind => ReadSnapshot(reader),
                var kind => throw new SerializationException($"Unknown CRM journal record kind {kind}."),
            };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or CswJsonException or InvalidCastException or FormatException)
        {
            throw new SerializationException($"Cannot read a CRM journal record of {bytes.Length} bytes: {e.Message}", e);
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
            var runId = new Id(reader.ReadString());
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
