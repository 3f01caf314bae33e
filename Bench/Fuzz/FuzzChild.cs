using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Bench.Fuzz;

/// <summary>The parent's handle on the <see cref="FuzzHost"/> process: starts it (again after a crash) on fixed ports, and reads its memory and errors.</summary>
internal sealed class FuzzChild : IAsyncDisposable
{
    private readonly int _commandPort = FreePort();
    private readonly int _locationPort = FreePort();
    private Process _process = null!;
    private int _errors;

    public Uri CommandUri => new($"http://127.0.0.1:{_commandPort}/");

    public Uri LocationUri => new($"http://127.0.0.1:{_locationPort}/");

    /// <summary>The bare Kestrel WebSocket echo in the same process, the load figure's baseline.</summary>
    public Uri EchoUri { get; private set; } = null!;

    /// <summary>Times the process was found dead and started again.</summary>
    public int Crashes { get; private set; }

    /// <summary>Errors the process logged.</summary>
    public int ErrorsLogged => Volatile.Read(ref _errors);

    /// <summary>The first errors logged, for the report.</summary>
    public List<string> FirstErrors { get; } = [];

    /// <summary>The highest resident memory of the current process so far, MB (VmHWM).</summary>
    public double PeakWorkingSetMb => Status("VmHWM:") / 1024.0;

    /// <summary>Its resident memory now, MB (VmRSS).</summary>
    public double WorkingSetMb => Status("VmRSS:") / 1024.0;

    public static async Task<FuzzChild> StartAsync()
    {
        var child = new FuzzChild();
        await child.LaunchAsync();
        return child;
    }

    /// <summary>After a batch: counts a crash and starts the process again when it died.</summary>
    public async Task CheckAliveAsync()
    {
        if (_process.HasExited)
        {
            Crashes++;
            Console.Error.WriteLine($"  the fuzzed process exited with {_process.ExitCode}; starting it again");
            await LaunchAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }

    private async Task LaunchAsync()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FuzzChild).Assembly.Location);
        }
        foreach (var argument in new[] { FuzzHost.ChildMode, _commandPort.ToString(CultureInfo.InvariantCulture), _locationPort.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("ERROR", StringComparison.Ordinal) == true && Interlocked.Increment(ref _errors) <= 5)
            {
                lock (FirstErrors)
                {
                    FirstErrors.Add(line.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                EchoUri = new Uri(line["ready ".Length..]);
                return;
            }
        }
        throw new InvalidOperationException($"The fuzzed process ended before it was ready (exit code {_process.ExitCode}).");
    }

    private long Status(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
