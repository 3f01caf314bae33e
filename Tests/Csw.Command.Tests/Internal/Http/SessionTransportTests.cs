using Csw.Command.Tests.Support;
using Csw.Location;
using Csw.Params;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Internal.Http;

/// <summary>The session client against endpoints that do not answer, answer too much, or go silent, and disposal while opening.</summary>
public sealed class SessionTransportTests
{
    private static readonly Setup Complete = new(Prefix.Parse("WFOS.client"), "complete");

    [Fact]
    public async Task RequestAsync_HostNeverAnswersTheUpgrade_EachCallTimesOutWithinItsTimeout()
    {
        await using var server = new RawHttpServer(RawHttpServer.Behaviour.NeverAnswer);
        await using var service = Connect(server.Uri, CommandServiceOptions.Default with { Timeout = TimeSpan.FromMilliseconds(300) });
        var first = service.SubmitAsync(Complete);
        var second = service.ValidateAsync(Complete);

        foreach (var call in new Task[] { first, second })
        {
            var error = await Record.ExceptionAsync(() => call.WaitAsync(TestTime.DefaultTimeout));
            Assert.IsType<TimeoutException>(error);
            Assert.Contains("did not open a session", error.Message);
        }
    }

    [Fact]
    public async Task DisposeAsync_WhileTheSessionIsOpening_TheSocketItOpensIsClosed()
    {
        await using var server = new RawHttpServer(RawHttpServer.Behaviour.HeldWebSocket);
        var service = Connect(server.Uri, CommandServiceOptions.Default);
        var call = service.SubmitAsync(Complete);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, server.Requests));

        await service.DisposeAsync();
        server.Release.SetResult();

        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, server.ClosedByClient));
        Assert.NotNull(await Record.ExceptionAsync(() => call.WaitAsync(TestTime.DefaultTimeout)));
    }

    [Fact]
    public async Task QueryFinalAsync_EndpointAnswersNoPings_ConnectionDroppedAndAskedAgain()
    {
        await using var server = new RawHttpServer(RawHttpServer.Behaviour.SilentWebSocket);
        var service = Connect(server.Uri, CommandServiceOptions.Default with { KeepAlive = TimeSpan.FromMilliseconds(200) });
        using var stop = new CancellationTokenSource();
        var final = service.QueryFinalAsync(new Id(), TimeSpan.FromMinutes(1), stop.Token);

        await TestWaits.AwaitAssertAsync(() =>
        {
            Assert.True(server.ClosedByClient >= 1, "the silent connection is still open");
            Assert.True(server.Connections >= 2, "no second session was opened");
        });
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => final);
        await service.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SubmitAsync_AnswerOverMaxMessageBytes_UnavailableAndTheNextCallServed(bool session)
    {
        await using var endpoint = await FakeEndpoint.StartAsync();
        var service = (IAsyncDisposable)endpoint.Connect(session, CommandServiceOptions.Default with { MaxMessageBytes = 16 * 1024 });
        await using (service)
        {
            var commands = (ICommandService)service;
            var error = await Assert.ThrowsAsync<CommandServiceException>(() => commands.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "big")));
            Assert.Equal("Unavailable", error.ErrorName);
            Assert.IsType<Completed>(await commands.SubmitAsync(Complete));
        }
    }

    private static HttpCommandServiceHandle Connect(Uri server, CommandServiceOptions options)
    {
        var location = new HttpLocation(new HttpConnection(new ComponentId(Prefix.Parse("WFOS.silent"), ComponentType.HCD)), new Uri(server, "/"), Metadata.Empty.Add(CommandEndpoint.SessionMetadataKey, CommandEndpoint.SessionPath));
        return new HttpCommandServiceHandle(CommandServiceFactory.Make(location, options));
    }

    /// <summary>A remote command service, disposable.</summary>
    private sealed class HttpCommandServiceHandle(ICommandService service) : IAsyncDisposable
    {
        public Task<ISubmitResponse> SubmitAsync(ControlCommand command) => service.SubmitAsync(command);

        public Task<IValidateResponse> ValidateAsync(ControlCommand command) => service.ValidateAsync(command);

        public Task<ISubmitResponse> QueryFinalAsync(Id runId, TimeSpan timeout, CancellationToken cancellationToken) => service.QueryFinalAsync(runId, timeout, cancellationToken);

        public ValueTask DisposeAsync() => ((IAsyncDisposable)service).DisposeAsync();
    }
}
