using Csw.Tests.Shared;
using Csw.Cli.Tests.Support;

namespace Csw.Cli.Tests.Commands;

/// <summary>Help, usage mistakes and unreachable servers, without any deployment.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task Help_Root_ListsEverySubcommand()
    {
        var (exitCode, output) = await CswProcess.RunAsync("--help");
        Assert.Equal(0, exitCode);
        foreach (var subcommand in new[] { "demo", "container", "host", "location-server", "location", "submit", "oneway", "query", "watch" })
        {
            Assert.Contains(subcommand, output);
        }
    }

    [Theory]
    [InlineData("submit", "key:type=value")]
    [InlineData("container", "--cluster-seeds")]
    [InlineData("container", "--etcd")]
    [InlineData("location-server", "--cluster-port")]
    [InlineData("watch", "subsystem-or-prefix")]
    [InlineData("location", "track")]
    public async Task Help_Subcommand_DescribesItsArguments(string subcommand, string expected)
    {
        var (exitCode, output) = await CswProcess.RunAsync(subcommand, "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains(expected, output);
    }

    [Fact]
    public async Task UnknownOption_UsageExitTwo()
    {
        var (exitCode, output) = await CswProcess.RunAsync("location", "list", "--colour");
        Assert.Equal(2, exitCode);
        Assert.Contains("--colour", output);
    }

    [Theory]
    [InlineData("location-server", "--port", "0")]
    [InlineData("container", "no-such-config.json")]
    public async Task Server_EveryAddressWithoutToken_UsageExitTwoNamingInsecure(string subcommand, string argument, string? value = null)
    {
        var arguments = value is null ? new[] { subcommand, argument, "--bind", "0.0.0.0" } : [subcommand, argument, value, "--bind", "0.0.0.0"];
        var (exitCode, output) = await CswProcess.RunAsync(arguments);
        Assert.Equal(2, exitCode);
        Assert.Contains("without a token", output);
        Assert.Contains("--insecure", output);
    }

    [Fact]
    public async Task Container_OtlpNotAnHttpAddress_UsageExitTwoNamingIt()
    {
        var (exitCode, output) = await CswProcess.RunAsync("container", "no-such-config.json", "--otlp", "collector:4317");
        Assert.Equal(2, exitCode);
        Assert.Contains("'collector:4317' is not an http:// address (e.g. http://127.0.0.1:4317)", output);
    }

    [Fact]
    public async Task Submit_NoLocationServer_UnavailableExitThree()
    {
        var (exitCode, output) = await CswProcess.RunAsync("submit", "WFOS.blue.filter", "move", "--location", "http://127.0.0.1:1");
        Assert.Equal(3, exitCode);
        Assert.Contains("127.0.0.1:1", output);
    }

    [Fact]
    public async Task Submit_UnknownSubsystemOrUnit_UsageExitTwoSayingWhich()
    {
        var subsystem = await CswProcess.RunAsync("submit", "temp.controller", "setTemperature", "--location", "http://127.0.0.1:1");
        Assert.Equal(2, subsystem.ExitCode);
        Assert.Contains("Invalid prefix 'temp.controller': unknown subsystem 'temp'", subsystem.Output);

        var units = await CswProcess.RunAsync("submit", "TCS.temp.controller", "setTemperature", "temperature:double[K]=300", "--location", "http://127.0.0.1:1");
        Assert.Equal(2, units.ExitCode);
        Assert.Contains("Unknown units 'K'; did you mean kelvin (K)?", units.Output);
    }

    [Fact]
    public async Task Container_InvalidConfiguration_UsageExitTwoNamingTheField()
    {
        var config = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """{ "name": "c", "components": [{ "prefix": "WFOS.x", "componentType": "robot", "componentHandlerClassName": "X" }] }""");
        try
        {
            var (exitCode, output) = await CswProcess.RunAsync("container", config);
            Assert.Equal(2, exitCode);
            Assert.Contains("$.components[0].componentType", output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Container_HoconSyntaxError_UsageExitTwoNamingFileLineAndColumn()
    {
        var config = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.conf");
        // An unclosed array: Akka's own HOCON parser spins on this forever.
        await File.WriteAllTextAsync(config, "name = c\ncomponents = [\n  { prefix = WFOS.x\n    connections = [1, 2\n  }\n]\n");
        try
        {
            var (exitCode, output) = await CswProcess.RunAsync("container", config);
            Assert.Equal(2, exitCode);
            Assert.Contains($"{config}: line 5, column 3: the '[' at line 4, column 19 is closed by '}}'", output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Container_HandlerClassNotFound_StartFailedExitFourNamingTheClass()
    {
        var config = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, "prefix = WFOS.x\ncomponentType = hcd\ncomponentHandlerClassName = Some.Missing.Handlers\n");
        try
        {
            var (exitCode, output) = await CswProcess.RunAsync("container", config);
            Assert.Equal(4, exitCode);
            Assert.Contains("did not start", output);
            Assert.Contains("Some.Missing.Handlers", output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Container_HandlerConstructorThrows_StartFailedExitFourNamingTheReason()
    {
        var config = Path.Combine(Path.GetTempPath(), $"throwing-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, $$"""
            name = throwing
            assemblies = ["{{typeof(ThrowingHandlers).Assembly.Location}}"]
            components = [{ prefix = WFOS.x, componentType = hcd, componentHandlerClassName = "{{typeof(ThrowingHandlers).FullName}}", initializeTimeout = 1 }]
            """);
        try
        {
            var (exitCode, output) = await CswProcess.RunAsync("container", config);
            Assert.Equal(4, exitCode);
            Assert.Contains("HCD WFOS.x shut down instead of starting", output);
            Assert.Contains("no serial port on purpose", output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Container_HoconUnknownField_UsageExitTwoNamingPathAndLine()
    {
        var config = Path.Combine(Path.GetTempPath(), $"typo-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, "prefix = WFOS.x\ncomponentType = hcd\ncomponentHandlerClassName = X\nlocationServiceUsag = RegisterOnly\n");
        try
        {
            var (exitCode, output) = await CswProcess.RunAsync("container", config);
            Assert.Equal(2, exitCode);
            Assert.Contains($"at $.locationServiceUsag: {config}: line 4, column 23: Unknown field 'locationServiceUsag'", output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Container_HoconStandalone_RunsUntilInterruptedThenExitsZero()
    {
        await using var container = CswProcess.Start(["container", WfosDeployment.Config("blue-wheel-standalone.conf")]);
        await container.WaitForLineAsync("Container WFOS.blue.filter running 1 component(s)");
        Assert.Contains("http://127.0.0.1:", container.Output);
        Assert.Equal(0, await container.InterruptAsync());
    }

    [Fact]
    public async Task Container_Sigterm_StopsInOrderWithoutWaitingOutTimeouts()
    {
        await using var container = CswProcess.Start(["container", WfosDeployment.Config("blue-wheel-standalone.conf")]);
        await container.WaitForLineAsync("Container WFOS.blue.filter running 1 component(s)");
        // Akka's own SIGTERM hook once shut the actor system down under the host's stop, which then
        // waited out its 15 s for components that could no longer say they had stopped.
        Assert.Equal(0, await container.TerminateAsync(TimeSpan.FromSeconds(10) * TestTime.Factor));
        Assert.Contains("HCD WFOS.blue.filter shuts down on request", container.Output);
        Assert.DoesNotContain("failed in phase", container.Output);
    }

    [Fact]
    public async Task Container_Standalone_RunsUntilInterruptedThenExitsZero()
    {
        await using var container = CswProcess.Start(["container", WfosDeployment.Config("blue-wheel-standalone.json")]);
        await container.WaitForLineAsync("Container WFOS.blue.filter running 1 component(s)");
        Assert.Contains("http://127.0.0.1:", container.Output);
        Assert.Contains("Only this process sees these components. To reach them from csw submit, csw location list or csw shell, start `csw location-server` and run this container with --cluster-seeds 127.0.0.1:3552 (or set CLUSTER_SEEDS), or with --location http://127.0.0.1:7654.", container.Output);
        Assert.Equal(0, await container.InterruptAsync());
    }

    [Fact]
    public async Task LocationServer_PortInUse_UnavailableExitThree()
    {
        await using var first = CswProcess.Start(["location-server", "--port", "0"]);
        var port = CswProcess.UriIn(await first.WaitForLineAsync("listening on ")).Port;
        var (exitCode, output) = await CswProcess.RunAsync("location-server", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, exitCode);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), output);
    }
}

/// <summary>Handlers whose constructor always throws, as one whose hardware is missing.</summary>
public sealed class ThrowingHandlers : Csw.Framework.ComponentHandlers
{
    public ThrowingHandlers(Csw.Framework.CswContext context)
        : base(context) => throw new IOException("no serial port on purpose");

    public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask<Csw.Params.IValidateResponse> ValidateCommandAsync(Csw.Params.Id runId, Csw.Params.ControlCommand command) => throw new NotSupportedException();

    public override ValueTask<Csw.Params.ISubmitResponse> OnSubmitAsync(Csw.Params.Id runId, Csw.Params.ControlCommand command) => throw new NotSupportedException();

    public override ValueTask OnOnewayAsync(Csw.Params.Id runId, Csw.Params.ControlCommand command) => throw new NotSupportedException();

    public override Task OnShutdownAsync() => Task.CompletedTask;
}
