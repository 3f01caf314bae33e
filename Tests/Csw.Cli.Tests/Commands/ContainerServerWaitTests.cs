using System.Globalization;
using Csw.Cli.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Cli.Tests.Commands;

/// <summary>
/// <c>csw container --location</c> and a location server that is not there yet, or refuses it: the
/// container waits for a server that does not answer (as one given seeds waits for the cluster) and
/// ends at once, exit 3, when one answers with a refusal.
/// </summary>
public sealed class ContainerServerWaitTests : IAsyncLifetime
{
    private readonly CswProcesses _processes = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _processes.DisposeAsync();

    [Fact]
    public async Task Container_StartedBeforeItsLocationServer_WaitsThenRegistersOnceItAnswers()
    {
        var port = EtcdProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        var location = $"http://127.0.0.1:{port}/";
        var container = _processes.Keep(CswProcess.Start(["container", WfosDeployment.Config("wfos-hcds.json"), "--location", location]));
        await container.WaitForLineAsync($"The location server at {location} could not be reached for a ");
        await container.WaitForLineAsync("trying again every 1 s until it answers (Ctrl+C stops).");
        Assert.False(container.HasExited);

        _processes.Keep(CswProcess.Start(["location-server", "--port", port, "--cluster-port", "0"]));

        await container.WaitForLineAsync("Container WfosHcds running");
        var (exitCode, listed) = await CswProcess.RunAsync("location", "list", "--location", location);
        Assert.True(exitCode == 0, listed);
        Assert.Contains("WFOS.blue.filter-HCD-http", listed);
    }

    [Fact]
    public async Task Container_LocationServerRefusesItsToken_ExitsThreeAtOnceSayingWhy()
    {
        var server = _processes.Keep(CswProcess.Start(["location-server", "--port", "0", "--cluster-port", "0", "--token", "the-right-one"]));
        var location = CswProcess.UriIn(await server.WaitForLineAsync("Location server listening on ")).ToString();

        var (exitCode, output) = await CswProcess.RunAsync("container", WfosDeployment.Config("wfos-hcds.json"), "--location", location, "--token", "a-wrong-one");

        Assert.Equal(3, exitCode);
        Assert.Contains($"The location service (location server at {location}) is not usable:", output);
        Assert.DoesNotContain("trying again", output);
    }
}
