using Csw.Tests.Shared;
using System.Net.WebSockets;
using System.Text;

namespace Csw.Location.Tests.Support;

/// <summary>Reading a WebSocket in tests, each read bounded by the default test timeout.</summary>
internal static class WebSocketReads
{
    /// <summary>The next whole text message, or null when the server closed instead.</summary>
    public static async Task<string?> ReceiveTextAsync(this WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TestTime.DefaultTimeout);
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
    }

    /// <summary>Reads until the server closes, skipping messages; the close status and reason.</summary>
    public static async Task<(WebSocketCloseStatus? Status, string? Reason)> ReceiveCloseAsync(this WebSocket socket)
    {
        while (await socket.ReceiveTextAsync() is not null)
        {
        }
        return (socket.CloseStatus, socket.CloseStatusDescription);
    }

    public static Task SendTextAsync(this WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
}
