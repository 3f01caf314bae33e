using System.Net.WebSockets;
using Csw.Command.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Internal.Http;

/// <summary>CSW's WebSocket endpoint with an out-of-range QueryFinal, and with a subscriber that stops reading.</summary>
public sealed class StreamHandlerTests : IAsyncLifetime
{
    private FakeEndpoint _endpoint = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _endpoint.DisposeAsync().AsTask();

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public async Task QueryFinal_TimeoutZeroOrAboveTheMaximum_ClosedAsBadRequestWithoutWaiting(long seconds)
    {
        _endpoint = await FakeEndpoint.StartAsync();
        await using var socket = await RawSession.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.WebSocketPath));
        await socket.SendAsync($$"""{"_type":"QueryFinal","runId":"r1","timeoutInSeconds":{{seconds}}}""");
        var (status, reason) = await socket.ReadUntilClosedAsync();
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, status);
        Assert.Contains("timeoutInSeconds is 1 to 3600", reason);
        Assert.Equal(0, _endpoint.Component.WaitingQueryFinals);
    }

    [Fact]
    public async Task Subscribe_ClientStopsReading_DroppedAfterTheSendTimeoutAndItsSubscriptionReleased()
    {
        _endpoint = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default with { SendTimeout = TimeSpan.FromMilliseconds(300) }, new FakeComponent { Flood = true });
        await using var socket = await RawSession.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.WebSocketPath));
        await socket.SendAsync("""{"_type":"SubscribeCurrentState","names":[]}""");
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, _endpoint.Component.OpenSubscriptions));

        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, _endpoint.Endpoint.OpenWebSockets));
        Assert.Equal(0, _endpoint.Component.OpenSubscriptions);
    }
}
