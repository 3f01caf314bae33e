using Csw.Tests.Shared;
using Csw.Command;
using Csw.Location;
using Csw.Params;

namespace Csw.Cli.Tests.Shell;

/// <summary>
/// <c>csw shell --location</c> against a location server run by the test over an embedded
/// backend: what the shell starts registers there with command endpoints others can use.
/// </summary>
public sealed class ShellLocationServerTests : IAsyncLifetime
{
    private readonly ILocationService _backend = LocationServiceFactory.CreateEmbedded();

    private LocationServer? _server;

    public async Task InitializeAsync() => _server = await LocationServer.StartAsync(_backend, LocationServerOptions.Default.WithPort(0));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Console_StartSamplesWithLocationServer_RegisteredThereAndCommandableOverHttp()
    {
        await using var shell = ShellProcess.Start("--location", _server!.Uri.ToString());
        await shell.WaitForTextAsync($"location server at {_server.Uri}");
        await shell.WriteLineAsync("await StartSamples();");
        await shell.WaitForTextAsync("Started WfosDemo");

        // Another process (this test) finds the shell's HCD at the server and commands it over HTTP.
        var red = new ComponentId(Prefix.Parse("WFOS.red.filter"), ComponentType.HCD);
        var location = await _backend.FindAsync(Connection.Http(red));
        Assert.NotNull(location);
        var service = CommandServiceFactory.Make(location);
        try
        {
            var response = await service.SubmitAndWaitAsync(new Setup(Prefix.Parse("CSW.test"), "move").Add(Keys.Int("target").Set(3)));
            Assert.IsType<Completed>(response);
        }
        finally
        {
            if (service is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await shell.WriteLineAsync("await Locations();");
        await shell.WaitForTextAsync("WFOS.red.filter-HCD-http");
        await shell.WriteLineAsync("var assembly = await Assembly(\"WFOS.filter.assembly\");");
        await shell.WriteLineAsync("await assembly.SubmitAndWaitAsync(Setup(\"configure\", Int(\"target\", 5)))");
        await shell.WaitForAsync(line => System.Text.RegularExpressions.Regex.IsMatch(line, "^Completed [0-9a-f-]{36}$"), "the assembly's completion");

        // Leaving the shell stops its components, which unregister.
        Assert.Equal(0, await shell.EndAsync());
        await TestWaits.AwaitAssertAsync(async () => Assert.Empty(await _backend.ListByPrefixAsync("WFOS")), TimeSpan.FromSeconds(10));
    }
}
