using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Csw.TestKit;

namespace Csw.Location.Tests.Support;

/// <summary>
/// A real etcd member for tests: free loopback ports, a temporary data directory, started and
/// killed at will, gone after disposal. Several make a cluster (<see cref="StartClusterAsync"/>).
/// </summary>
public sealed class EtcdProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly string _name;
    private readonly string _dataDirectory;
    private readonly int _peerPort;
    private readonly string _initialCluster;
    private Process? _process;

    /// <summary>The last line etcd wrote to standard error, for failure messages.</summary>
    private string? _lastError;

    private EtcdProcess(string name, int clientPort, int peerPort, string initialCluster)
    {
        _name = name;
        ClientUrl = new Uri($"http://127.0.0.1:{clientPort}");
        _peerPort = peerPort;
        _initialCluster = initialCluster;
        _dataDirectory = Directory.CreateTempSubdirectory("csw-etcd-").FullName;
    }

    /// <summary>Where clients reach this member.</summary>
    public Uri ClientUrl { get; }

    /// <summary>Starts one etcd and waits until it is healthy.</summary>
    public static async Task<EtcdProcess> StartAsync()
    {
        var (client, peer) = (FreePort(), FreePort());
        var etcd = new EtcdProcess("solo", client, peer, $"solo=http://127.0.0.1:{peer}");
        etcd.Launch();
        await etcd.WaitHealthyAsync();
        return etcd;
    }

    /// <summary>Starts a cluster of <paramref name="size"/> members and waits until each is healthy.</summary>
    public static async Task<IReadOnlyList<EtcdProcess>> StartClusterAsync(int size)
    {
        var ports = Enumerable.Range(0, size).Select(_ => (Client: FreePort(), Peer: FreePort())).ToList();
        var initialCluster = string.Join(",", ports.Select((p, i) => $"m{i}=http://127.0.0.1:{p.Peer}"));
        var members = ports.Select((p, i) => new EtcdProcess($"m{i}", p.Client, p.Peer, initialCluster)).ToList();
        members.ForEach(member => member.Launch());
        await Task.WhenAll(members.Select(member => member.WaitHealthyAsync()));
        return members;
    }

    /// <summary>Kills the member at once, as a crash would (its data stays).</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the member again with its data and ports, and waits until it is healthy.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        Launch();
        await WaitHealthyAsync();
    }

    /// <summary>Kills the member, deletes its data and starts a fresh one on the same ports: etcd as if it lost everything.</summary>
    public async Task WipeAndRestartAsync()
    {
        await KillAsync();
        Directory.Delete(_dataDirectory, recursive: true);
        Directory.CreateDirectory(_dataDirectory);
        Launch();
        await WaitHealthyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is cleaned up by the system.
        }
    }

    private void Launch()
    {
        const string binary = "etcd";
        var peerUrl = $"http://127.0.0.1:{_peerPort}";
        // etcd refuses URLs with a path, even "/".
        var clientUrl = $"http://127.0.0.1:{ClientUrl.Port}";
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                "--name", _name, "--data-dir", _dataDirectory,
                "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", _initialCluster, "--initial-cluster-state", "new",
                // Fast elections, so that a killed member is replaced within a second.
                "--heartbeat-interval", "50", "--election-timeout", "300",
                "--logger", "zap", "--log-level", "error",
            },
        };
        try
        {
            _process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("etcd is not installed: run ./test.sh, which installs the Debian package etcd-server, or install it yourself.", e);
        }
        _process!.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, line) => _lastError = line.Data ?? _lastError;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitHealthyAsync() =>
        await TestWaits.AwaitAssertAsync(
            async () =>
            {
                Assert.False(_process!.HasExited, $"etcd {_name} exited: {_lastError}");
                var health = await Http.GetStringAsync(new Uri(ClientUrl, "/health"));
                Assert.Contains("\"health\":\"true\"", health);
            },
            TimeSpan.FromSeconds(30));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
