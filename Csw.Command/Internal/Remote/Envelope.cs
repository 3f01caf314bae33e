using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Akka.Actor;
using Akka.Remote;
using Akka.Serialization;
using Csw.Params;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// Writes the envelope of a component message: length-prefixed UTF-8 fields (actor paths, texts)
/// and counts, then, for a command, CSW's JSON of the command to the end. No JSON around it: the
/// command is written once and read once, straight from the bytes. One message per writer:
/// <see cref="ToArray"/> (or <see cref="Command"/>) ends it and gives its buffer back to the thread,
/// for the thread's next message (a writer per message costs no buffer).
/// </summary>
internal sealed class EnvelopeWriter
{
    /// <summary>Buffers larger than this are not kept for the next message: one huge command must not pin its memory.</summary>
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static System.Text.Json.Utf8JsonWriter? t_json;

    private readonly ArrayBufferWriter<byte> _buffer;

    public EnvelopeWriter()
    {
        _buffer = t_buffer ?? new ArrayBufferWriter<byte>(256);
        t_buffer = null;
    }

    public EnvelopeWriter Actor(IActorRef actor) => Text(Serialization.SerializedActorPath(actor));

    public EnvelopeWriter Text(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        Count(length);
        Encoding.UTF8.GetBytes(text, _buffer.GetSpan(length));
        _buffer.Advance(length);
        return this;
    }

    /// <summary>Bytes, length-prefixed (a message inside a batch).</summary>
    public EnvelopeWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        Count(bytes.Length);
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
        return this;
    }

    public EnvelopeWriter Count(int count)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), count);
        _buffer.Advance(4);
        return this;
    }

    public EnvelopeWriter Long(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    /// <summary>
    /// A message's request id (empty for none) and deadline, as the milliseconds left (-1 for none):
    /// the two machines' clocks need not agree.
    /// </summary>
    public EnvelopeWriter Extras(string? requestId, DateTime? deadline) =>
        Text(requestId ?? "").Long(deadline is { } at ? Math.Max(0, (long)(at - DateTime.UtcNow).TotalMilliseconds) : -1);

    /// <summary>The command last, as CSW's JSON written straight into the envelope; ends it.</summary>
    public byte[] Command(ControlCommand command)
    {
        var json = t_json;
        t_json = null;
        if (json is null)
        {
            json = new System.Text.Json.Utf8JsonWriter(_buffer);
        }
        else
        {
            json.Reset(_buffer);
        }
        CswJson.Serialize(json, command);
        json.Flush();
        t_json = json;
        return ToArray();
    }

    /// <summary>The message's bytes; ends the writer.</summary>
    public byte[] ToArray()
    {
        var bytes = _buffer.WrittenSpan.ToArray();
        if (_buffer.Capacity <= KeptCapacity)
        {
            _buffer.ResetWrittenCount();
            t_buffer = _buffer;
        }
        return bytes;
    }
}

/// <summary>Reads what <see cref="EnvelopeWriter"/> wrote, in the same order; a truncated or mangled envelope throws.</summary>
internal ref struct EnvelopeReader(ReadOnlySpan<byte> bytes)
{
    private ReadOnlySpan<byte> _rest = bytes;

    public readonly bool AtEnd => _rest.IsEmpty;

    /// <summary>
    /// An actor reference. Over Akka.Remote it is resolved as Akka resolves a message's sender: a
    /// reply address (a caller's temporary actor, a new path each time) is parsed once, since Akka has
    /// just parsed the same path as the sender and keeps it, and is kept out of the cache of
    /// resolved actors, which it would only churn.
    /// </summary>
    /// <exception cref="FormatException">Not an actor path.</exception>
    public IActorRef Actor(ExtendedActorSystem system)
    {
        var path = Text();
        if (system.Provider is not IRemoteActorRefProvider remote)
        {
            return system.Provider.ResolveActorRef(path);
        }
        try
        {
            return remote.ResolveActorRefWithLocalAddress(path, remote.DefaultAddress);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Akka does not check the path first: one that does not parse fails inside it.
            throw new FormatException($"'{path}' is not an actor path.", e);
        }
    }

    public string Text() => Encoding.UTF8.GetString(Bytes());

    /// <summary>What <see cref="EnvelopeWriter.Bytes"/> or <see cref="EnvelopeWriter.Text"/> wrote.</summary>
    public ReadOnlySpan<byte> Bytes()
    {
        var length = Count();
        if (length > _rest.Length)
        {
            throw new FormatException($"A field of {length} bytes, but only {_rest.Length} are left.");
        }
        var bytes = _rest[..length];
        _rest = _rest[length..];
        return bytes;
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

    public long Long()
    {
        if (_rest.Length < 8)
        {
            throw new FormatException("The envelope ends in the middle of a number.");
        }
        var value = BinaryPrimitives.ReadInt64LittleEndian(_rest);
        _rest = _rest[8..];
        return value;
    }

    /// <summary>What <see cref="EnvelopeWriter.Extras"/> wrote: the request id (null for none) and the deadline, now on this machine's clock.</summary>
    public (string? RequestId, DateTime? Deadline) Extras()
    {
        var requestId = Text();
        var left = Long();
        return (requestId.Length == 0 ? null : requestId, left < 0 ? null : DateTime.UtcNow.AddMilliseconds(left));
    }

    /// <summary>The command: CSW's JSON to the end.</summary>
    public ControlCommand Command() => CswJson.Deserialize<ControlCommand>(_rest);
}
