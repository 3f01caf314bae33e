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

    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly ChildProcess _process;

    private FaultHost(ProcessStartInfo start) => _process = ChildProcess.Start(start, OnLine);

    /// <summary>The command endpoint's port.</summary>
    public int Port { get; private set; }

    public string Output => _process.Output;

    /// <summary>Starts the process (journaled under <paramref name="dataDir"/> when given) and waits until its endpoint serves.</summary>
    public static async Task<FaultHost> StartAsync(string? dataDir = null)
    {
        var start = ChildProcess.Dotnet("Csw.Faults.Host.dll", [dataDir ?? "-"]);
        start.RedirectStandardInput = true;
        var host = new FaultHost(start);
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
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>Completes <see cref="_ready"/> with the port the host's <c>READY</c> line gives.</summary>
    private void OnLine(string line)
    {
        if (line.StartsWith("READY ", StringComparison.Ordinal))
        {
            _ready.TrySetResult(int.Parse(line[6..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
