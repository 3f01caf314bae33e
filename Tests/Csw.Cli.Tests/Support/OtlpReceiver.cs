using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Csw.Cli.Tests.Support;

/// <summary>
/// A stand-in for an OpenTelemetry collector's OTLP/HTTP receiver: it keeps every request posted
/// to it (path and protobuf body) and answers each with an empty export response.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    private readonly ConcurrentQueue<(string Path, byte[] Body)> _posts = new();

    private OtlpReceiver(int port)
    {
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The collector's base address, as given to <c>--otlp</c>.</summary>
    public Uri Address { get; }

    public IReadOnlyCollection<(string Path, byte[] Body)> Posts => _posts;

    public static OtlpReceiver Start()
    {
        // HttpListener takes no port 0: a port free a moment ago is taken.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new OtlpReceiver(port);
    }

    /// <summary>True when a request to <paramref name="path"/> carried <paramref name="text"/> (protobuf keeps strings as UTF-8 bytes).</summary>
    public bool Received(string path, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return _posts.Any(post => post.Path == path && post.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    /// <summary>The paths posted to so far, for failure messages.</summary>
    public string Describe() => string.Join(", ", _posts.Select(post => $"{post.Path} ({post.Body.Length} bytes)"));

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _posts.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
