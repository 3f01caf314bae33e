using System.Diagnostics;
using System.Text;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// Carries a component message's trace context (<see cref="ComponentMessage.TraceParent"/>) over
/// Akka.Remote: a traced message's manifest gets the prefix <c>T:</c> and its bytes the W3C trace
/// parent in front, length-prefixed; an untraced message is written as it always was (so members
/// that do not trace pay nothing, and older members read it).
/// </summary>
internal static class TraceEnvelope
{
    private const string Prefix = "T:";

    public static string Manifest(object o, string inner) => IsTraced(o, out _) ? Prefix + inner : inner;

    public static byte[] ToBinary(object o, byte[] inner)
    {
        if (!IsTraced(o, out var parent))
        {
            return inner;
        }
        var traceParent = Encoding.ASCII.GetBytes($"00-{parent.TraceId.ToHexString()}-{parent.SpanId.ToHexString()}-{(parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}");
        var bytes = new byte[1 + traceParent.Length + inner.Length];
        bytes[0] = (byte)traceParent.Length;
        traceParent.CopyTo(bytes, 1);
        inner.CopyTo(bytes, 1 + traceParent.Length);
        return bytes;
    }

    /// <exception cref="FormatException">A traced message whose trace context is cut short.</exception>
    public static object FromBinary(byte[] bytes, string manifest, Func<byte[], string, object> read)
    {
        if (!manifest.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return read(bytes, manifest);
        }
        if (bytes.Length == 0 || bytes.Length < 1 + bytes[0])
        {
            throw new System.Runtime.Serialization.SerializationException($"A traced CswNet message '{manifest}' of {bytes.Length} bytes is cut short.");
        }
        var length = bytes[0];
        var message = read(bytes[(1 + length)..], manifest[Prefix.Length..]);
        // A trace context that does not parse is dropped: the message still arrives.
        return message is ComponentMessage component && ActivityContext.TryParse(Encoding.ASCII.GetString(bytes, 1, length), null, isRemote: true, out var parent)
            ? component with { TraceParent = parent }
            : message;
    }

    private static bool IsTraced(object o, out ActivityContext parent)
    {
        parent = o is ComponentMessage message ? message.TraceParent : default;
        return parent != default;
    }
}
