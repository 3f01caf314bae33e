using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Csw.Shared.Http;

/// <summary>
/// Kestrel connection middleware that keeps at most <see cref="Capacity"/> connections open. A
/// connection beyond it is answered <c>503</c> with a ServiceError body naming the limit (Kestrel's
/// own limit would close it without a word), then closed.
/// </summary>
internal sealed class ConnectionLimit(int capacity, string server, ILogger log)
{
    /// <summary>The error name in the refusal's body.</summary>
    public const string ErrorName = "TooManyConnections";

    /// <summary>How long a refused client may take to send its request head, and to close after the answer.</summary>
    private static readonly TimeSpan RefusalWait = TimeSpan.FromSeconds(1);

    /// <summary>The most of a refused request's head that is read before answering.</summary>
    private const int MaxHeadBytes = 16 * 1024;

    private readonly Slots _open = new(capacity);

    /// <summary>The answer to a connection over the limit, whole.</summary>
    private readonly byte[] _refusal = Refusal(capacity, server);

    /// <summary>The most connections open at once.</summary>
    public int Capacity => _open.Capacity;

    /// <summary>How many are open now.</summary>
    public int Open => _open.Taken;

    /// <summary>The middleware, for <c>ListenOptions.Use</c>.</summary>
    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        if (!_open.TryTake())
        {
            log.LogWarning("Refused a connection from {Remote}: {Open} of {Capacity} connections are open", connection.RemoteEndPoint, Open, Capacity);
            await RefuseAsync(connection).ConfigureAwait(false);
            return;
        }
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            _open.Release();
        }
    };

    // The request head is read first and the client's close awaited after: closing a socket with
    // unread input resets it, and the client would then lose the answer.
    private async Task RefuseAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        using var wait = new CancellationTokenSource(RefusalWait);
        try
        {
            await ReadHeadAsync(input, wait.Token).ConfigureAwait(false);
            await output.WriteAsync(_refusal, wait.Token).ConfigureAwait(false);
            await output.CompleteAsync().ConfigureAwait(false);
            wait.CancelAfter(RefusalWait);
            while (true)
            {
                var result = await input.ReadAsync(wait.Token).ConfigureAwait(false);
                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException or InvalidOperationException)
        {
            // The client is slow or gone; it is dropped either way.
        }
    }

    private static async Task ReadHeadAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var done = result.IsCompleted || buffer.Length > MaxHeadBytes || Contains(buffer, "\r\n\r\n"u8);
            input.AdvanceTo(done ? buffer.End : buffer.Start, buffer.End);
            if (done)
            {
                return;
            }
        }
    }

    private static bool Contains(in ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> value)
    {
        var reader = new SequenceReader<byte>(buffer);
        return reader.TryReadTo(out ReadOnlySequence<byte> _, value, advancePastDelimiter: false);
    }

    private static byte[] Refusal(int capacity, string server)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("error_name"u8, ErrorName);
            writer.WriteString("error_message"u8, $"This {server} has {capacity} connections open, the most it takes; try again later.");
            writer.WriteEndObject();
        }
        var head = Encoding.ASCII.GetBytes(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nError-Type: GenericError\r\n"
            + $"Connection: close\r\nContent-Length: {body.WrittenCount}\r\n\r\n");
        return [.. head, .. body.WrittenSpan];
    }
}
