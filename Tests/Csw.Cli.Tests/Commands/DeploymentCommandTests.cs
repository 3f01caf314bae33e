using Csw.Cli.Tests.Support;

namespace Csw.Cli.Tests.Commands;

/// <summary>The one-shot subcommands, run as processes against the sample deployment running as processes.</summary>
public sealed class DeploymentCommandTests(WfosDeployment deployment) : IClassFixture<WfosDeployment>
{
    [Fact]
    public async Task LocationList_Deployment_TableOfEveryComponentAndContainer()
    {
        var (exitCode, output) = await CswProcess.RunAsync("location", "list", "--location", deployment.Location);
        Assert.Equal(0, exitCode);
        foreach (var connection in new[] { "WFOS.blue.filter-HCD-http", "WFOS.red.filter-HCD-pekko", "WFOS.filter.assembly-Assembly-http", "Container.WfosHcds-Container-pekko" })
        {
            Assert.Contains(connection, output);
        }
    }

    [Fact]
    public async Task LocationList_FilteredByTypeAndConnectionType_OnlyThose()
    {
        var (exitCode, output) = await CswProcess.RunAsync("location", "list", "--type", "assembly", "--connection-type", "http", "--location", deployment.Location);
        Assert.Equal(0, exitCode);
        Assert.Contains("WFOS.filter.assembly-Assembly-http", output);
        Assert.DoesNotContain("HCD", output);
    }

    [Fact]
    public async Task LocationFind_RegisteredAndNot_ExitCodesZeroAndOne()
    {
        var found = await CswProcess.RunAsync("location", "find", "WFOS.blue.filter", "--location", deployment.Location);
        Assert.Equal(0, found.ExitCode);
        Assert.Contains("WFOS.blue.filter-HCD-http  http://127.0.0.1:", found.Output);

        var missing = await CswProcess.RunAsync("location", "find", "WFOS.green.filter-HCD-http", "--location", deployment.Location);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("not registered", missing.Output);
    }

    [Fact]
    public async Task Submit_AssemblyInOneContainerDrivesHcdsInAnother_CompletedExitZero()
    {
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.filter.assembly", "configure", "target:int=3", "--location", deployment.Location);
        Assert.True(exitCode == 0, output);
        Assert.Matches("Started [0-9a-f-]{36}", output);
        Assert.Matches("Completed [0-9a-f-]{36}", output);
    }

    [Fact]
    public async Task Submit_InvalidTarget_InvalidExitOne()
    {
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.red.filter", "move", "target:int=12", "--type", "hcd", "--location", deployment.Location);
        Assert.Equal(1, exitCode);
        Assert.Contains("Invalid", output);
        Assert.Contains("ParameterValueOutOfRangeIssue", output);
    }

    [Fact]
    public async Task Submit_MisspeltPrefix_ExitOneNamingTheNearestRegistered()
    {
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.blue.filtr", "move", "target:int=2", "--location", deployment.Location);
        Assert.Equal(1, exitCode);
        Assert.Contains("No HCD or Assembly WFOS.blue.filtr with an HTTP command endpoint is registered. Did you mean WFOS.blue.filter", output);
        Assert.Contains("`csw location list` shows every registration.", output);
    }

    [Fact]
    public async Task Submit_CswJson_SameAsKeyTypeValue()
    {
        var json = """{"_type":"Setup","source":"CSW.cli","commandName":"move","paramSet":[{"IntKey":{"keyName":"target","values":[1],"units":"NoUnits"}}]}""";
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.red.filter", "--json", json, "--location", deployment.Location);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Completed", output);
    }

    [Fact]
    public async Task SubmitNoWaitThenQuery_LongMove_StartedThenFinalByRunId()
    {
        var submitted = await CswProcess.RunAsync("submit", "WFOS.blue.filter", "move", "target:int=7", "--no-wait", "--location", deployment.Location);
        Assert.Equal(0, submitted.ExitCode);
        var runId = System.Text.RegularExpressions.Regex.Match(submitted.Output, "Started ([0-9a-f-]{36})").Groups[1].Value;
        Assert.NotEmpty(runId);

        var final = await CswProcess.RunAsync("query", "WFOS.blue.filter", runId, "--final", "--location", deployment.Location);
        Assert.Equal(0, final.ExitCode);
        Assert.Contains($"Completed {runId}", final.Output);
        var unknown = await CswProcess.RunAsync("query", "WFOS.blue.filter", "no-such-run", "--location", deployment.Location);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Unknown no-such-run", unknown.Output);
    }

    [Fact]
    public async Task Oneway_Stop_AcceptedExitZero()
    {
        var (exitCode, output) = await CswProcess.RunAsync("oneway", "WFOS.blue.filter", "stop", "--location", deployment.Location);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Accepted", output);
    }

    [Fact]
    public async Task Submit_UnknownComponent_SaysSoExitOne()
    {
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.green.filter", "move", "--location", deployment.Location);
        Assert.Equal(1, exitCode);
        Assert.Contains("No HCD or Assembly WFOS.green.filter", output);
    }

    [Theory]
    [InlineData("target=3", "key:type=value")]
    [InlineData("target:integer=3", "not a parameter type")]
    [InlineData("target:int=three", "do not fit the type int")]
    public async Task Submit_BadParameter_UsageExitTwo(string parameter, string message)
    {
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.blue.filter", "move", parameter, "--location", deployment.Location);
        Assert.Equal(2, exitCode);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task LocationTrack_ContainerStartsAndIsKilled_UpdatedThenRemoved()
    {
        var config = Path.Combine(Path.GetTempPath(), $"extra-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """{ "prefix": "WFOS.extra.filter", "componentType": "hcd", "componentHandlerClassName": "Examples.SampleHcd.FilterWheelHcd" }""");
        try
        {
            var tracker = deployment.Keep(CswProcess.Start(["location", "track", "WFOS.extra.filter", "--location", deployment.Location]));
            await tracker.WaitForLineAsync("Tracking WFOS.extra.filter-HCD-http");
            var extra = deployment.Keep(CswProcess.Start(["container", config, "--location", deployment.Location]));
            await tracker.WaitForLineAsync("updated  WFOS.extra.filter-HCD-http");
            Assert.Equal(0, await extra.InterruptAsync());
            await tracker.WaitForLineAsync("removed  WFOS.extra.filter-HCD-http");
            Assert.Equal(0, await tracker.InterruptAsync());
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Container_SameNameAlreadyRunning_ExitFourAlreadyRunningWithItsAddress()
    {
        await using var second = CswProcess.Start(["container", WfosDeployment.Config("wfos-hcds.json"), "--location", deployment.Location]);
        Assert.Equal(4, await second.WaitForExitAsync());
        Assert.Matches(@"Container WfosHcds is already running: Container\.WfosHcds-Container-pekko is registered at csw://[^ ]+/container/WfosHcds\?pid=\d+", second.Output);
        Assert.DoesNotContain("not usable", second.Output);
    }

    [Fact]
    public async Task Container_PrefixRegisteredByAnother_ExitFourNamingTheOtherAddress()
    {
        var config = Path.Combine(Path.GetTempPath(), $"intruder-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """
            { "name": "Intruder", "components": [
              { "prefix": "WFOS.blue.filter", "componentType": "hcd", "componentHandlerClassName": "Examples.SampleHcd.FilterWheelHcd" } ] }
            """);
        try
        {
            await using var intruder = CswProcess.Start(["container", config, "--location", deployment.Location]);
            Assert.True(await intruder.WaitForExitAsync() == 4, intruder.Output);
            Assert.Contains("Container Intruder did not start: HCD WFOS.blue.filter shut down instead of starting: HCD WFOS.blue.filter could not register its location: WFOS.blue.filter-HCD-pekko is already registered at akka://wfoshcds/user/WFOS.blue.filter", intruder.Output);
            Assert.DoesNotContain("Hosting failed to start", intruder.Output);
            Assert.DoesNotContain("running 1 component(s)", intruder.Output);
        }
        finally
        {
            File.Delete(config);
        }
        // The rightful owner is untouched.
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.blue.filter", "move", "target:int=1", "--location", deployment.Location);
        Assert.True(exitCode == 0, output);
    }
}
