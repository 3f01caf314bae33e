using Csw.Command.Internal.Http;
using Csw.Command.Tests.Support;
using Csw.Params;
using Csw.Params.Messages;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Internal.Http;

/// <summary>CSW's per-request protocol when the connection breaks after the request went out, and against an endpoint that never answers.</summary>
public sealed class CswTransportTests
{
    private static readonly Setup Complete = new(Prefix.Parse("WFOS.client"), "complete");

    [Fact]
    public async Task RequestAsync_ConnectionDroppedAfterTheBodyWasSent_SaysTheSubmitMayHaveBeenApplied()
    {
        await using var server = new RawHttpServer(RawHttpServer.Behaviour.DropAfterRequest);
        await using var transport = new CswTransport(server.Uri, CommandServiceOptions.Default);
        var error = await Assert.ThrowsAsync<CommandServiceException>(() => transport.RequestAsync(new Submit(Complete), null, TimeSpan.FromSeconds(5), default));
        Assert.Equal("Unavailable", error.ErrorName);
        Assert.Contains("may or may not have been applied", error.Message);
    }

    [Fact]
    public async Task RequestAsync_NobodyListening_SaysCannotBeReached()
    {
        int port;
        await using (var server = new RawHttpServer(RawHttpServer.Behaviour.NeverAnswer))
        {
            port = server.Port;
        }
        await using var transport = new CswTransport(new Uri($"http://127.0.0.1:{port}/"), CommandServiceOptions.Default);
        var error = await Assert.ThrowsAsync<CommandServiceException>(() => transport.RequestAsync(new Submit(Complete), null, TimeSpan.FromSeconds(5), default));
        Assert.Equal("Unavailable", error.ErrorName);
        Assert.Contains("cannot be reached", error.Message);
        Assert.DoesNotContain("applied", error.Message);
    }

    [Fact]
    public async Task QueryFinalAsync_HostNeverAnswersTheUpgrade_ConnectionLostWithinTheTimeout()
    {
        await using var server = new RawHttpServer(RawHttpServer.Behaviour.NeverAnswer);
        await using var transport = new CswTransport(server.Uri, CommandServiceOptions.Default with { Timeout = TimeSpan.FromMilliseconds(300) });
        var error = await Record.ExceptionAsync(() => transport.QueryFinalAsync(new QueryFinal(new Id(), TimeSpan.FromSeconds(30)), default).WaitAsync(TestTime.DefaultTimeout));
        Assert.IsType<ConnectionLostException>(error);
        Assert.Contains("did not accept", error.Message);
    }
}
