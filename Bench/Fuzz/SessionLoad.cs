using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Bench.Fuzz;

/// <summary>Many WebSockets open at once on one server, each sending one request and waiting for its answer while all the others stay open.</summary>
internal static class SessionLoad
{
    private const string Submit = """{"id":1,"request":{"_type":"Submit","controlCommand":{"_type":"Setup","source":"CSW.load","commandName":"go","paramSet":[]}}}""";

    /// <summary>How many of <paramref name="count"/> sockets were served, and the seconds from the first opening to the last answer.</summary>
    public static async Task<(int Served, double Seconds)> RunAsync(Uri uri, int count)
    {
        var sockets = new ClientWebSocket[count];
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            sockets[i] = new ClientWebSocket();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await sockets[i].ConnectAsync(uri, limit.Token);
                await sockets[i].SendAsync(Encoding.UTF8.GetBytes(Submit), WebSocketMessageType.Text, true, limit.Token);
                var buffer = new byte[4096];
                var received = await sockets[i].ReceiveAsync(buffer, limit.Token);
                return received.MessageType == WebSocketMessageType.Text && received.Count > 0;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                return false;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var open = sockets.Count(socket => socket.State == WebSocketState.Open);
        await Task.WhenAll(sockets.Select(async socket =>
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", limit.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
            socket.Dispose();
        }));
        // Served, and still open when the last one was: all at once.
        return (Math.Min(answers.Count(served => served), open), seconds);
    }
}
