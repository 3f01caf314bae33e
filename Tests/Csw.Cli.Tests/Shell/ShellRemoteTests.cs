using Csw.Cli.Tests.Support;

namespace Csw.Cli.Tests.Shell;

/// <summary><c>csw shell --location</c> against the sample deployment running as processes.</summary>
public sealed class ShellRemoteTests(WfosDeployment deployment) : IClassFixture<WfosDeployment>
{
    [Fact]
    public async Task Console_RemoteLocationServer_CommandsComponentsOfOtherProcesses()
    {
        const string input = """
            await Locations();
            var assembly = await Assembly("WFOS.filter.assembly");
            await assembly.SubmitAndWaitAsync(Setup("configure", Int("target", 5)))
            var hcd = await Hcd("WFOS.red.filter");
            (await hcd.QueryAsync(new Id("nothing-like-it"))).GetType().Name
            """;
        await using var shell = CswProcess.Start(["shell", "--location", deployment.Location], standardInput: input + "\n");
        Assert.Equal(0, await shell.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        var output = shell.Output;
        Assert.Contains($"location server at {deployment.Location}", output);
        Assert.Contains("WFOS.filter.assembly-Assembly-http", output);
        Assert.Matches("(?m)^Completed [0-9a-f-]{36}$", output);
        Assert.Contains("\nUnknownCommandException: ", output);
    }
}
