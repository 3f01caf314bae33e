using Csw.Cli.Commands;
using Csw.Cli.Common;
using Csw.Cli.Tests.Support;

namespace Csw.Cli.Tests.Commands;

/// <summary><c>csw host</c> with CSW's HOCON host file: one container process per entry, each from a HOCON container file.</summary>
public sealed class HostCommandTests
{
    [Fact]
    public async Task Host_HoconHostAndContainers_ComponentsRegisterAndAnswerCommands()
    {
        await using var server = CswProcess.Start(["location-server", "--port", "0"]);
        var location = CswProcess.UriIn(await server.WaitForLineAsync("Location server listening on ")).ToString();
        await using var host = CswProcess.Start(["host", WfosDeployment.Config("wfos-host.conf"), "--location", location]);
        await host.WaitForLineAsync("[wfos-hcds] Container WfosHcds running 2 component(s)");
        await host.WaitForLineAsync("[wfos-assembly] Container WfosAssembly running 1 component(s)");

        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.filter.assembly", "configure", "target:int=3", "--location", location);
        Assert.True(exitCode == 0, output);
        Assert.Matches("Completed [0-9a-f-]{36}", output);

        Assert.Equal(0, await host.InterruptAsync());
        Assert.Contains("2 of 2 containers exited cleanly", host.Output);
    }

    [Fact]
    public async Task Host_RemoteConfigFile_UsageExitTwoNamingTheField()
    {
        var config = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, "containers: [\n  { configFilePath: \"wfos-hcds.conf\", configFileLocation: \"Remote\" }\n]\n");
        try
        {
            var (exitCode, output) = await CswProcess.RunAsync("host", config);
            Assert.Equal(2, exitCode);
            Assert.Contains($"at $.containers[0].configFileLocation: {config}: line 2, column 59: 'Remote' files come from CSW's configuration service", output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Host_MissingContainerFile_UsageExitTwoNamingIt()
    {
        var config = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, "containers = [{ configFilePath = no-such-container.conf }]\n");
        try
        {
            var (exitCode, output) = await CswProcess.RunAsync("host", config);
            Assert.Equal(2, exitCode);
            Assert.Contains("$.containers[0].configFilePath", output);
            Assert.Contains(Path.Combine(Path.GetTempPath(), "no-such-container.conf"), output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void StartInfo_WithToken_TokenInTheChildsEnvironmentNeverOnItsCommandLine()
    {
        var start = HostCommand.StartInfo("/configs/wfos-hcds.json", ["--bind", "127.0.0.1"], "s3cret-token");

        Assert.DoesNotContain(start.ArgumentList, argument => argument.Contains("s3cret-token", StringComparison.Ordinal));
        Assert.DoesNotContain("--token", start.ArgumentList);
        Assert.Equal("s3cret-token", start.Environment[CliOptions.TokenVariable]);
        Assert.Contains("/configs/wfos-hcds.json", start.ArgumentList);
    }
}
