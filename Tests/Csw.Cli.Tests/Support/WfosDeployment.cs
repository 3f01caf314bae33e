namespace Csw.Cli.Tests.Support;

/// <summary>
/// The sample deployment as separate processes, shared by a test class: a location server on a
/// free port, a container with the two filter wheel HCDs, and one with the filter assembly.
/// </summary>
public sealed class WfosDeployment : IAsyncLifetime
{
    private readonly CswProcesses _processes = new();

    /// <summary>The location server's address.</summary>
    public string Location { get; private set; } = "";

    public static string Config(string name) => Path.Combine(AppContext.BaseDirectory, "Configs", name);

    public async Task InitializeAsync()
    {
        var server = Keep(CswProcess.Start(["location-server", "--port", "0"]));
        var listening = await server.WaitForLineAsync("Location server listening on ");
        Location = CswProcess.UriIn(listening).ToString();
        var hcds = Keep(CswProcess.Start(["container", Config("wfos-hcds.json"), "--location", Location]));
        var assembly = Keep(CswProcess.Start(["container", Config("wfos-assembly.json"), "--location", Location]));
        await hcds.WaitForLineAsync("Container WfosHcds running");
        await assembly.WaitForLineAsync("Container WfosAssembly running");
    }

    /// <summary>Starts another process that the deployment stops with the others.</summary>
    public CswProcess Keep(CswProcess process) => _processes.Keep(process);

    public async Task DisposeAsync()
    {
        await _processes.DisposeAsync();
    }
}
