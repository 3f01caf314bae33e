using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace Csw.Command.Internal.Http;

/// <summary>The one writer of a session's socket, on both ends.</summary>
internal static class FrameWriter
{
    /// <summary>The most envelopes put in one frame.</summary>
    private const int MaxBatch = 512;

    /// <summary>
    /// Sends what the channel holds until it completes or the socket fails: on each wake-up
    /// everything that is ready goes out as one frame (an array when there is more than one),
    /// which is what lets a busy session carry many small requests cheaply.
    /// </summary>
    public static async Task RunAsync(WebSocket socket, ChannelReader<Outgoing> outgoing, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var batch = new List<Outgoing>();
        while (await outgoing.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && outgoing.TryRead(out var item))
            {
                batch.Add(item);
            }
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                if (batch.Count > 1)
                {
                    writer.WriteStartArray();
                }
                foreach (var item in batch)
                {
                    SessionFrames.Write(writer, item);
                }
                if (batch.Count > 1)
                {
                    writer.WriteEndArray();
                }
            }
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
    }
}
