using System.Collections.Concurrent;
using System.Diagnostics;
using Csw.Command;
using Csw.Location;
using Csw.Params;
using Csw.Tests.Shared;

namespace Csw.Faults.Tests.Support;

/// <summary>
/// The fault suite's component process (<c>Csw.Faults.Host</c>): started, killed with SIGKILL, and
/// started again on the same data directory.
/// </summary>
internal sealed class FaultHost : IAsyncDisposable
{
    public static readonly Prefix Prefix = Prefix.Parse("CSW.faults.hcd");

    private readonly Process _process;

    private readonly ConcurrentQueue<string> _lines = new();

    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FaultHost(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => Add(line.Data);
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The command endpoint's port.</summary>
    public int Port { get; private set; }

    public string Output => string.Join('\n', _lines);

    /// <summary>Starts the process (journaled under <paramref name="dataDir"/> when given) and waits until its endpoint serves.</summary>
    public static async Task<FaultHost> StartAsync(string? dataDir = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Csw.Faults.Host.dll"));
        start.ArgumentList.Add(dataDir ?? "-");
        var host = new FaultHost(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        try
        {
            host.Port = await host._ready.Task.WaitAsync(TestTime.Scale(TimeSpan.FromSeconds(60)));
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The fault host did not get ready:\n{host.Output}");
        }
        return host;
    }

    /// <summary>A command service for the component through <paramref name="port"/> (a proxy's, or the endpoint's own).</summary>
    public static ICommandService Connect(int port, CommandServiceOptions? options = null) =>
        CommandServiceFactory.Make(
            new HttpLocation(Connection.Http(new ComponentId(Prefix, ComponentType.HCD)), new Uri($"http://127.0.0.1:{port}/"), Metadata.Empty.Add(CommandEndpoint.SessionMetadataKey, CommandEndpoint.SessionPath)),
            options);

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lines.Enqueue(line);
        if (line.StartsWith("READY ", StringComparison.Ordinal))
        {
            _ready.TrySetResult(int.Parse(line[6..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
