using Csw.Location;
using Csw.TestKit;
using Csw.Tests.Shared;
using Csw.Tests.Shared.Fuzz;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Tests.Remote;

/// <summary>
/// A bounded fuzzing run (the Bench suite <c>fuzz</c> sends 100,000+): mutated HTTP bodies,
/// WebSocket messages, session frames and location requests to a live component endpoint and a
/// live location server. Each is answered, valid requests are served after each batch, and
/// nothing is logged as an error.
/// </summary>
public sealed class EndpointFuzzTests : ComponentTestKit, IAsyncLifetime
{
    private readonly ContractHcdControl _hcd = new();

    private readonly RemoteComponent _remote = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _hcd.Unstall.TrySetResult();
        _hcd.Release.TrySetResult();
        await _remote.DisposeAsync();
    }

    [Fact]
    public async Task Endpoints_MutatedRequests_EachAnsweredAndValidRequestsStillServed()
    {
        using var logs = new CapturingLoggerFactory();
        await _remote.StartAsync(Sys, _hcd, null, RemoteComponent.Protocol.Csw, CommandEndpointOptions.Default.WithLoggerFactory(logs));
        await using var location = await LocationServer.StartAsync(LocationServiceFactory.CreateEmbedded(), LocationServerOptions.Default.WithPort(0).WithLoggerFactory(logs));
        using var driver = new FuzzDriver(_remote.Endpoint!.Uri, location.Uri, TimeSpan.FromSeconds(20));

        await driver.RunAsync(requests: 3000, workers: 4, batch: 500, seed: 14);

        var tally = driver.Tally;
        Assert.True(tally.Unanswered == 0 && tally.HealthFailures == 0, tally.ToString());
        Assert.Equal(3000, tally.Requests);
        Assert.Equal(6, tally.HealthChecks);
        var errors = logs.Entries.Where(entry => entry.Level >= LogLevel.Error).Select(entry => $"{entry.Category}: {entry.Message} {entry.Exception}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
