using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bench.Remote;

/// <summary>An etcd on free loopback ports with a temporary data directory, for the distribution figures.</summary>
internal sealed class BenchEtcd : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private BenchEtcd(Process process, string dataDirectory, Uri clientUrl)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        ClientUrl = clientUrl;
    }

    public Uri ClientUrl { get; }

    public static async Task<BenchEtcd> StartAsync()
    {
        var (client, peer) = (FreePort(), FreePort());
        var data = Directory.CreateTempSubdirectory("csw-bench-etcd-").FullName;
        var start = new ProcessStartInfo("etcd") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--name", "bench", "--data-dir", data,
            "--listen-client-urls", $"http://127.0.0.1:{client}", "--advertise-client-urls", $"http://127.0.0.1:{client}",
            "--listen-peer-urls", $"http://127.0.0.1:{peer}", "--initial-advertise-peer-urls", $"http://127.0.0.1:{peer}",
            "--initial-cluster", $"bench=http://127.0.0.1:{peer}", "--logger", "zap", "--log-level", "error",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("etcd did not start (is it installed? ./test.sh installs it).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var etcd = new BenchEtcd(process, data, new Uri($"http://127.0.0.1:{client}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetStringAsync(new Uri(etcd.ClientUrl, "/health"))).Contains("true", StringComparison.Ordinal))
                {
                    return etcd;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
