using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Akka.Actor;
using Akka.Serialization;
using Csw.Params;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// Writes the envelope of a component message: length-prefixed UTF-8 fields (actor paths, texts)
/// and counts, then, for a command, CSW's JSON of the command to the end. No JSON around it: the
/// command is written once and read once, straight from the bytes.
/// </summary>
internal sealed class EnvelopeWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public EnvelopeWriter Actor(IActorRef actor) => Text(Serialization.SerializedActorPath(actor));

    public EnvelopeWriter Text(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        Count(length);
        Encoding.UTF8.GetBytes(text, _buffer.GetSpan(length));
        _buffer.Advance(length);
        return this;
    }

    public EnvelopeWriter Count(int count)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), count);
        _buffer.Advance(4);
        return this;
    }

    /// <summary>The command last, as CSW's JSON written straight into the envelope; ends it.</summary>
    public byte[] Command(ControlCommand command)
    {
        using (var writer = new System.Text.Json.Utf8JsonWriter(_buffer))
        {
            CswJson.Serialize(writer, command);
        }
        return ToArray();
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}

/// <summary>Reads what <see cref="EnvelopeWriter"/> wrote, in the same order; a truncated or mangled envelope throws.</summary>
internal ref struct EnvelopeReader(ReadOnlySpan<byte> bytes)
{
    private ReadOnlySpan<byte> _rest = bytes;

    public readonly bool AtEnd => _rest.IsEmpty;

    public IActorRef Actor(ExtendedActorSystem system) => system.Provider.ResolveActorRef(Text());

    public string Text()
    {
        var length = Count();
        if (length > _rest.Length)
        {
            throw new FormatException($"A field of {length} bytes, but only {_rest.Length} are left.");
        }
        var text = Encoding.UTF8.GetString(_rest[..length]);
        _rest = _rest[length..];
        return text;
    }

    public int Count()
    {
        if (_rest.Length < 4)
        {
            throw new FormatException("The envelope ends in the middle of a length.");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(_rest);
        _rest = _rest[4..];
        return count >= 0 ? count : throw new FormatException($"A negative length, {count}.");
    }

    /// <summary>The command: CSW's JSON to the end.</summary>
    public ControlCommand Command() => CswJson.Deserialize<ControlCommand>(_rest);
}
