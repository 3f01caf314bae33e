using System.Text.Json;
using Csw.Cli.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Cli.Tests.Commands;

/// <summary><c>csw container</c> with handlers in plugins: assemblies that bring a dependency csw does not have.</summary>
public sealed class PluginContainerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csw-plugins-").FullName;

    [Fact]
    public async Task Container_TwoPluginsWithTheirOwnVersionsOfALibrary_EachComponentRunsItsOwn()
    {
        await using var server = CswProcess.Start(["location-server", "--port", "0"]);
        var location = CswProcess.UriIn(await server.WaitForLineAsync("Location server listening on ")).ToString();
        var config = Config(
            ("WFOS.guard.current", $"{SamplePlugins.HandlersClass}, SamplePlugin"),
            ("WFOS.guard.older", $"{SamplePlugins.HandlersClass}, SamplePlugin.OlderGuard"));
        await using var container = CswProcess.Start(["container", config, "--location", location]);
        await container.WaitForLineAsync("Container Plugins running 2 component(s)");

        var current = await CswProcess.RunAsync("submit", "WFOS.guard.current", "check", "target:int=3", "--location", location);
        Assert.True(current.ExitCode == 0, current.Output);
        Assert.Contains("5.0.0.0", current.Output);
        var older = await CswProcess.RunAsync("submit", "WFOS.guard.older", "check", "target:int=3", "--location", location);
        Assert.True(older.ExitCode == 0, older.Output);
        Assert.Contains("4.6.0.0", older.Output);
        var refused = await CswProcess.RunAsync("submit", "WFOS.guard.current", "check", "target:int=9", "--location", location);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("ParameterValueOutOfRangeIssue", refused.Output);
    }

    [Fact]
    public async Task Container_MisspeltHandlersClass_StartFailedExitFourSuggestingTheNearest()
    {
        var (exitCode, output) = await CswProcess.RunAsync("container", Config(("WFOS.guard.current", "SamplePlugin.GuardedHdc")));
        Assert.Equal(4, exitCode);
        Assert.Contains("$.components[0].componentHandlerClassName", output);
        Assert.Contains("Did you mean 'SamplePlugin.GuardedHcd'?", output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A container configuration listing both plugins, with one HCD per (prefix, class).</summary>
    private string Config(params (string Prefix, string Class)[] components)
    {
        var path = Path.Combine(_folder, $"plugins-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            name = "Plugins",
            assemblies = new[] { SamplePlugins.Current, SamplePlugins.OlderGuard },
            components = components.Select(c => new { prefix = c.Prefix, componentType = "hcd", componentHandlerClassName = c.Class }),
        }));
        return path;
    }
}
