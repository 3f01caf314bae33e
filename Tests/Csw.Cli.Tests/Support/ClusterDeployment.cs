using System.Globalization;
using Csw.Tests.Shared;

namespace Csw.Cli.Tests.Support;

/// <summary>
/// The deployment of docs/Deployment.md as real <c>csw</c> processes, shared by a test class: three
/// seeds (<c>csw location-server</c>, each listing all three), the sample containers joining them
/// (<c>csw container</c> with the HOCON configurations), and <c>csw watch WFOS</c>.
/// </summary>
public sealed class ClusterDeployment : IAsyncLifetime
{
    private readonly CswProcesses _processes = new();

    private readonly List<string> _locations = [];

    /// <summary>The seeds' cluster ports, in the order every process lists them.</summary>
    public IReadOnlyList<int> SeedPorts { get; } = [EtcdProcess.FreePort(), EtcdProcess.FreePort(), EtcdProcess.FreePort()];

    /// <summary><c>127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3</c>.</summary>
    public string Seeds => string.Join(",", SeedPorts.Select(port => $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The seeds' processes, in the same order.</summary>
    public IReadOnlyList<CswProcess> SeedProcesses => _processes.All.Take(3).ToList();

    /// <summary>The seeds' HTTP location APIs, in the same order.</summary>
    public IReadOnlyList<string> Locations => _locations;

    /// <summary>The container of the two wheels (replaced when a test restarts it).</summary>
    public CswProcess Hcds { get; set; } = null!;

    public CswProcess Assembly { get; private set; } = null!;

    public CswProcess Watch { get; private set; } = null!;

    /// <summary>What every process printed, to explain a failure.</summary>
    public string Outputs => _processes.Outputs;

    public async Task InitializeAsync()
    {
        foreach (var port in SeedPorts)
        {
            Keep(CswProcess.Start(["location-server", "--port", "0", "--cluster-port", port.ToString(CultureInfo.InvariantCulture), "--cluster-seeds", Seeds]));
        }
        foreach (var seed in SeedProcesses)
        {
            _locations.Add(CswProcess.UriIn(await seed.WaitForLineAsync("Location server listening on ")).ToString());
        }
        Hcds = StartContainer("wfos-hcds.conf");
        Assembly = StartContainer("wfos-assembly.conf");
        Watch = Keep(CswProcess.Start(["watch", "WFOS", "--cluster-seeds", Seeds]));
        await Hcds.WaitForLineAsync("Container WfosHcds running");
        await Assembly.WaitForLineAsync("Container WfosAssembly running");
        await Watch.WaitForLineAsync("Watching WFOS");
    }

    /// <summary>Starts <c>csw container Configs/<paramref name="config"/> --cluster-seeds ...</c>, stopped with the deployment.</summary>
    public CswProcess StartContainer(string config) => Keep(CswProcess.Start(["container", WfosDeployment.Config(config), "--cluster-seeds", Seeds]));

    /// <summary>Starts another process that the deployment stops with the others.</summary>
    public CswProcess Keep(CswProcess process) => _processes.Keep(process);

    public async Task DisposeAsync()
    {
        await _processes.DisposeAsync();
    }
}
