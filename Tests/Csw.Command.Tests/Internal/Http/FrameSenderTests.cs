using System.Net.WebSockets;
using System.Text;
using Csw.Command.Internal.Http;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Internal.Http;

public sealed class FrameSenderTests
{
    // Many senders race past the high-water mark while the writer drains: each wait for room must
    // end (none may be left on a replaced, never completed task), and every envelope must go out.
    [Fact]
    public async Task WaitForRoomAsync_ManySendersAboveTheHighWaterMark_EveryWaitEndsAndEveryEnvelopeIsWritten()
    {
        const int senders = 4;
        const int perSender = 50_000;
        var socket = new CountingSocket();
        var sender = new FrameSender(socket, TimeSpan.FromSeconds(10), failure => throw new InvalidOperationException("the writer failed", failure));

        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < perSender; i++)
            {
                sender.Send(new Outgoing((s * perSender) + i, EnvelopeKind.End, null));
                await sender.WaitForRoomAsync().WaitAsync(TestTime.DefaultTimeout);
            }
        })));

        Assert.True(await sender.CompleteAsync(TestTime.DefaultTimeout));
        Assert.Equal(senders * perSender, socket.Envelopes);
        Assert.True(sender.WaitForRoomAsync().IsCompleted, "the queue is empty but senders would wait for room");
    }

    [Fact]
    public async Task Send_PeerTakesNothing_FailsWithSendTimeoutAndDropsLaterEnvelopes()
    {
        var socket = new CountingSocket { Stalled = true };
        var failed = new TaskCompletionSource<Exception>();
        var sender = new FrameSender(socket, TimeSpan.FromMilliseconds(100), failure => failed.TrySetResult(failure));
        sender.Send(new Outgoing(1, EnvelopeKind.End, null));

        Assert.IsType<SendTimeoutException>(await failed.Task.WaitAsync(TestTime.DefaultTimeout));
        sender.Send(new Outgoing(2, EnvelopeKind.End, null));
        Assert.False(await sender.CompleteAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(0, socket.Envelopes);
    }

    /// <summary>Counts the envelopes in the frames sent; each send completes asynchronously, or never when stalled.</summary>
    private sealed class CountingSocket : WebSocket
    {
        private int _envelopes;

        public bool Stalled { get; init; }

        public int Envelopes => Volatile.Read(ref _envelopes);

        public override WebSocketCloseStatus? CloseStatus => null;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => WebSocketState.Open;

        public override string? SubProtocol => null;

        public override async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            if (Stalled)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            await Task.Yield();
            var text = Encoding.UTF8.GetString(buffer.Span);
            Interlocked.Add(ref _envelopes, text.Split("\"id\":").Length - 1);
        }

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
            SendAsync(buffer.AsMemory(), messageType, endOfMessage, cancellationToken).AsTask();

        public override void Abort()
        {
        }

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Dispose()
        {
        }

        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
