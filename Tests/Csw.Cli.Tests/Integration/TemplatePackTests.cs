using Csw.Cli.Tests.Support;
using Csw.Framework;

namespace Csw.Cli.Tests.Integration;

/// <summary>
/// The template pack (templates/) as a newcomer uses it: install it, make the projects, test them,
/// run them under <c>csw container</c> and command them with <c>csw submit</c>.
/// </summary>
public sealed class TemplatePackTests : IAsyncLifetime
{
    /// <summary>Where the projects are made, and the template engine's own settings (not the user's).</summary>
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"cswnet-template-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DotnetNew_Components_BuildPassTheirTestsAndAnswerUnderCswContainer()
    {
        Directory.CreateDirectory(_work);
        var hive = Path.Combine(_work, "hive");
        var root = DotnetCli.RepositoryRoot;
        await Succeeds(_work, "new", "install", Path.Combine(root, "templates", "content"), "--debug:custom-hive", hive);
        await Succeeds(_work, "new", "cswnet-components", "-n", "Tcs.Temperature", "--cswnet", root, "--debug:custom-hive", hive);
        var projects = Path.Combine(_work, "Tcs.Temperature");

        var tested = await Succeeds(projects, "test");
        Assert.Equal(2, tested.Split("Passed!").Length - 1);

        // Both configurations name the same container; the JSON one runs.
        var hocon = await ContainerConfig.LoadAsync(Path.Combine(projects, "config", "Tcs.Temperature.conf"));
        var json = await ContainerConfig.LoadAsync(Path.Combine(projects, "config", "Tcs.Temperature.json"));
        Assert.Equal(json.Assemblies, hocon.Assemblies);
        Assert.Equal(json.Components.Select(c => (c.Prefix, c.HandlerClassName)), hocon.Components.Select(c => (c.Prefix, c.HandlerClassName)));
        Assert.All(json.Assemblies, path => Assert.True(File.Exists(path), $"{path} was not built."));

        await using var server = CswProcess.Start(["location-server", "--port", "0"]);
        var location = CswProcess.UriIn(await server.WaitForLineAsync("Location server listening on ")).ToString();
        await using var container = CswProcess.Start(["container", Path.Combine(projects, "config", "Tcs.Temperature.json"), "--location", location]);
        await container.WaitForLineAsync("Container Tcs.Temperature running 2 component(s)");

        var (exitCode, output) = await CswProcess.RunAsync("submit", "TCS.temp.assembly", "setTemperature", "target:double=292", "--location", location);
        Assert.True(exitCode == 0, output);
        Assert.Matches("Completed [0-9a-f-]{36} result: temperature=292 kelvin", output);
    }

    private static async Task<string> Succeeds(string directory, params string[] arguments)
    {
        var (exitCode, output) = await DotnetCli.RunAsync(directory, arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
        return output;
    }
}
