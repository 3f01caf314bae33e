using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Csw.Tests.Shared;

/// <summary>
/// A real etcd member for tests: free loopback ports (client and peer), a temporary data
/// directory, killed (SIGKILL) and restarted at will, gone after disposal. Several make a cluster
/// (<see cref="EtcdCluster"/>). Needs the <c>etcd</c> binary, which ./test.sh installs.
/// </summary>
public sealed class EtcdProcess : IAsyncDisposable
{
    /// <summary>How long etcd may take to answer its health check after starting.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly string _name;
    private readonly int _peerPort;
    private readonly string _initialCluster;

    /// <summary>etcd's last lines on standard error, for failure messages.</summary>
    private readonly ConcurrentQueue<string> _errors = new();

    private Process? _process;

    internal EtcdProcess(string name, int clientPort, int peerPort, string initialCluster)
    {
        _name = name;
        ClientUrl = new Uri($"http://127.0.0.1:{clientPort}");
        _peerPort = peerPort;
        _initialCluster = initialCluster;
        DataDirectory = Directory.CreateTempSubdirectory("csw-etcd-").FullName;
    }

    /// <summary>Where clients reach this member.</summary>
    public Uri ClientUrl { get; }

    /// <summary>The member's data, kept across <see cref="KillAsync"/> and <see cref="RestartAsync"/>.</summary>
    public string DataDirectory { get; }

    /// <summary>Whether the process is running (frozen or not).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Whether the process is stopped by <see cref="FreezeAsync"/>.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>Starts one etcd on free loopback ports and waits until it is healthy.</summary>
    public static async Task<EtcdProcess> StartAsync()
    {
        // A free port can be taken by someone else before etcd binds it: then try other ports.
        for (var attempt = 1; ; attempt++)
        {
            var (client, peer) = (FreePort(), FreePort());
            var etcd = new EtcdProcess("solo", client, peer, $"solo=http://127.0.0.1:{peer}");
            try
            {
                etcd.Launch();
                await etcd.WaitHealthyAsync();
                return etcd;
            }
            catch (EtcdExitedException) when (attempt < 3)
            {
                await etcd.DisposeAsync();
            }
        }
    }

    /// <summary>Kills the member at once with SIGKILL, as a crash would; its data stays.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(); // SIGKILL on Unix; it ends a frozen process too.
            await process.WaitForExitAsync();
        }
        IsFrozen = false;
    }

    /// <summary>
    /// Stops the process with SIGSTOP: its connections stay open but it answers nothing, as a hung
    /// machine or a dead network link would look to clients.
    /// </summary>
    public async Task FreezeAsync()
    {
        await SignalAsync("-STOP");
        IsFrozen = true;
    }

    /// <summary>Lets a frozen process go on (SIGCONT).</summary>
    public async Task ThawAsync()
    {
        await SignalAsync("-CONT");
        IsFrozen = false;
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
        Directory.Delete(DataDirectory, recursive: true);
        Directory.CreateDirectory(DataDirectory);
        Launch();
        await WaitHealthyAsync();
    }

    /// <summary>Stops the member and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is cleaned up by the system.
        }
    }

    private async Task SignalAsync(string signal)
    {
        var process = _process is { HasExited: false } running ? running : throw new InvalidOperationException($"etcd {_name} is not running.");
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {process.Id} (etcd {_name}) failed with exit code {kill.ExitCode}.");
        }
    }

    /// <summary>Starts the process without waiting for it.</summary>
    internal void Launch()
    {
        var peerUrl = $"http://127.0.0.1:{_peerPort}";
        // etcd refuses URLs with a path, even "/".
        var clientUrl = $"http://127.0.0.1:{ClientUrl.Port}";
        var start = new ProcessStartInfo("etcd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                "--name", _name, "--data-dir", DataDirectory,
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
            _process = Process.Start(start) ?? throw new InvalidOperationException("etcd did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "The etcd binary is not on PATH, and the etcd tests need it: run ./test.sh, which installs the Debian package etcd-server (or: sudo apt-get install -y etcd-server).", e);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                _errors.Enqueue(text);
                while (_errors.Count > 5 && _errors.TryDequeue(out string? _))
                {
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Polls etcd's <c>/health</c> until it says healthy (a member of a cluster: once there is a leader).</summary>
    internal async Task WaitHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (clock.Elapsed < StartTimeout)
        {
            if (_process is not { HasExited: false })
            {
                throw new EtcdExitedException($"etcd {_name} ({ClientUrl}) exited on starting: {string.Join(" | ", _errors)}");
            }
            try
            {
                last = await Http.GetStringAsync(new Uri(ClientUrl, "/health"));
                if (last.Contains("\"health\":\"true\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            // Polling: etcd tells nothing else when it is ready.
            await Task.Delay(50);
        }
        throw new TimeoutException($"etcd {_name} ({ClientUrl}) was not healthy within {StartTimeout.TotalSeconds} s; last answer: {last}; its errors: {string.Join(" | ", _errors)}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>etcd stopped while starting (e.g. its port was taken meanwhile).</summary>
    internal sealed class EtcdExitedException(string message) : Exception(message);
}
