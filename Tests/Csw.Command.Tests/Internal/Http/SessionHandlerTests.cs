using System.Net.WebSockets;
using Csw.Command.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Command.Tests.Internal.Http;

/// <summary>
/// The session endpoint with bad, unserved and too many envelopes, and with peers that stop
/// reading or vanish: each envelope gets its answer, the session goes on, and a session that ends
/// releases everything it held.
/// </summary>
public sealed class SessionHandlerTests : IAsyncLifetime
{
    private const string Submit = """{"_type":"Submit","controlCommand":{"_type":"Setup","source":"WFOS.client","commandName":"complete","paramSet":[]}}""";
    private const string Stall = """{"_type":"Submit","controlCommand":{"_type":"Setup","source":"WFOS.client","commandName":"stall","paramSet":[]}}""";
    private const string Subscribe = """{"_type":"SubscribeCurrentState","names":[]}""";

    private FakeEndpoint _endpoint = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _endpoint.Component.Unstall.TrySetResult();
        await _endpoint.DisposeAsync();
    }

    [Fact]
    public async Task Request_GoOffline_ServedAsCswAnswersAndTheSessionGoesOn()
    {
        await using var session = await StartAsync();
        await session.SendAsync("""{"id":1,"request":{"_type":"GoOffline"}}""");
        var answer = await session.NextAsync(1);
        Assert.Equal(0, answer.GetProperty("response").GetInt32());
        Assert.Equal(["GoOffline"], _endpoint.Component.Admin.Received);

        await session.SendAsync($$"""{"id":2,"request":{{Submit}}}""");
        Assert.Equal("Completed", await session.ResponseTypeAsync(2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public async Task Stream_QueryFinalTimeoutZeroOrAboveTheMaximum_BadRequestForItsIdAndTheSessionGoesOn(long seconds)
    {
        await using var session = await StartAsync();
        await session.SendAsync($$$"""{"id":1,"stream":{"_type":"QueryFinal","runId":"r1","timeoutInSeconds":{{{seconds}}}}}""");
        var (name, message) = await session.ErrorAsync(1);
        Assert.Equal("BadRequest", name);
        Assert.Contains("timeoutInSeconds is 1 to 3600", message);

        await session.SendAsync($$"""{"id":2,"request":{{Submit}}}""");
        Assert.Equal("Completed", await session.ResponseTypeAsync(2));
        Assert.Equal(0, _endpoint.Component.WaitingQueryFinals);
    }

    [Fact]
    public async Task Envelope_UnknownField_BadRequestForItsIdAndTheSessionGoesOn()
    {
        await using var session = await StartAsync();
        await session.SendAsync("""[{"id":1,"launch":{}},{"id":2,"request":""" + Submit + "}]");
        var (name, message) = await session.ErrorAsync(1);
        Assert.Equal("BadRequest", name);
        Assert.Contains("launch", message);
        Assert.Equal("Completed", await session.ResponseTypeAsync(2));
    }

    [Fact]
    public async Task Envelope_UnknownFieldNamedWithALoneSurrogate_BadRequestForItsIdAndTheSessionGoesOn()
    {
        await using var session = await StartAsync();
        await session.SendAsync("""[{"id":1,"\ud800":{}},{"id":2,"request":""" + Submit + "}]");
        Assert.Equal("BadRequest", (await session.ErrorAsync(1)).Name);
        Assert.Equal("Completed", await session.ResponseTypeAsync(2));
    }

    [Fact]
    public async Task Envelope_UnservedAfterASubscription_TheSubscriptionGoesOn()
    {
        await using var session = await StartAsync();
        await session.SendAsync($$"""{"id":1,"stream":{{Subscribe}}}""");
        Assert.True((await session.NextAsync(1)).TryGetProperty("subscribed", out _));

        await session.SendAsync("""{"id":2,"request":{"_type":"Explode"}}""");
        Assert.Equal("BadRequest", (await session.ErrorAsync(2)).Name);
        _endpoint.Component.Publish(FakeComponent.State(7));
        Assert.True((await session.NextAsync(1)).TryGetProperty("state", out _));
        Assert.Equal(1, _endpoint.Component.OpenSubscriptions);
    }

    [Fact]
    public async Task Stream_IdStillOpen_BadRequestAndTheFirstStreamGoesOn()
    {
        await using var session = await StartAsync();
        await session.SendAsync($$"""{"id":1,"stream":{{Subscribe}}}""");
        await session.NextAsync(1);
        await session.SendAsync($$"""{"id":1,"stream":{{Subscribe}}}""");
        Assert.Contains("still open", (await session.ErrorAsync(1)).Message);

        _endpoint.Component.Publish(FakeComponent.State(7));
        Assert.True((await session.NextAsync(1)).TryGetProperty("state", out _));
        Assert.Equal(1, _endpoint.Component.OpenSubscriptions);
    }

    [Fact]
    public async Task Requests_OverTheLimit_TooManyRequestsAndServedAgainOnceAnswered()
    {
        await using var session = await StartAsync(CommandEndpointOptions.Default with { MaxRequestsPerSession = 2 });
        await session.SendAsync($$"""[{"id":1,"request":{{Stall}}},{"id":2,"request":{{Stall}}},{"id":3,"request":{{Submit}}}]""");
        var (name, message) = await session.ErrorAsync(3);
        Assert.Equal("TooManyRequests", name);
        Assert.Contains("2 requests", message);

        _endpoint.Component.Unstall.SetResult();
        Assert.Equal("Completed", await session.ResponseTypeAsync(1));
        Assert.Equal("Completed", await session.ResponseTypeAsync(2));
        await session.SendAsync($$"""{"id":4,"request":{{Submit}}}""");
        Assert.Equal("Completed", await session.ResponseTypeAsync(4));
    }

    [Fact]
    public async Task Streams_OverTheLimit_TooManyStreamsAndServedAgainOnceOneIsCancelled()
    {
        await using var session = await StartAsync(CommandEndpointOptions.Default with { MaxStreamsPerSession = 1 });
        await session.SendAsync($$"""{"id":1,"stream":{{Subscribe}}}""");
        await session.NextAsync(1);
        await session.SendAsync("""{"id":2,"stream":{"_type":"QueryFinal","runId":"r1","timeoutInSeconds":5}}""");
        Assert.Equal("TooManyStreams", (await session.ErrorAsync(2)).Name);

        await session.SendAsync("""{"id":1,"cancel":true}""");
        Assert.True((await session.NextAsync(1)).TryGetProperty("end", out _));
        await session.SendAsync("""{"id":3,"stream":{"_type":"QueryFinal","runId":"r1","timeoutInSeconds":5}}""");
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, _endpoint.Component.WaitingQueryFinals));
        _endpoint.Component.Finish(new Params.Id("r1"));
        Assert.Equal("Completed", await session.ResponseTypeAsync(3));
    }

    [Fact]
    public async Task Stream_ComponentsSubscriberLimitReached_TooManySubscribersForItsIdAndTheFirstGoesOn()
    {
        await StartEndpointAsync(component: new FakeComponent { MaxSubscribers = 1 });
        await using var session = await RawSession.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.SessionPath));
        await session.SendAsync($$"""[{"id":1,"stream":{{Subscribe}}},{"id":2,"stream":{{Subscribe}}}]""");
        Assert.True((await session.NextAsync(1)).TryGetProperty("subscribed", out _));
        Assert.True((await session.NextAsync(2)).TryGetProperty("subscribed", out _));

        var (name, message) = await session.ErrorAsync(2);
        Assert.Equal("TooManySubscribers", name);
        Assert.Contains("limit", message);
        _endpoint.Component.Publish(FakeComponent.State(7));
        Assert.True((await session.NextAsync(1)).TryGetProperty("state", out _));
    }

    [Fact]
    public async Task Session_ClientClosesWhileAStreamFloods_CloseFrameSentAndSubscriptionReleased()
    {
        await StartEndpointAsync(component: new FakeComponent { Flood = true });
        for (var round = 0; round < 5; round++)
        {
            await using var session = await RawSession.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.SessionPath));
            await session.SendAsync($$"""{"id":1,"stream":{{Subscribe}}}""");
            await session.NextAsync(1);
            await session.NextAsync(1);
            await session.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "enough", default);

            var (status, _) = await session.ReadUntilClosedAsync();
            Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
        }
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, _endpoint.Component.OpenSubscriptions));
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, _endpoint.Endpoint.OpenWebSockets));
    }

    [Fact]
    public async Task Session_PeerStopsReading_DroppedAfterTheSendTimeoutAndItsSubscriptionReleased()
    {
        await StartEndpointAsync(CommandEndpointOptions.Default with { SendTimeout = TimeSpan.FromMilliseconds(300) }, new FakeComponent { Flood = true });
        await using var session = await RawSession.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.SessionPath));
        await session.SendAsync($$"""{"id":1,"stream":{{Subscribe}}}""");
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, _endpoint.Component.OpenSubscriptions));

        // The client reads nothing more: the server's sends fill the socket's buffers and stall.
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, _endpoint.Endpoint.OpenWebSockets));
        Assert.Equal(0, _endpoint.Component.OpenSubscriptions);
    }

    [Fact]
    public async Task Session_PeerAnswersNoPings_DroppedAfterTheKeepAliveTimeoutAndItsSubscriptionReleased()
    {
        await StartEndpointAsync(CommandEndpointOptions.Default with { KeepAliveInterval = TimeSpan.FromMilliseconds(200), KeepAliveTimeout = TimeSpan.FromMilliseconds(300) });
        using var peer = await HalfOpenPeer.ConnectAsync(_endpoint.Endpoint.Port, CommandEndpoint.SessionPath);
        await peer.SendTextAsync($$"""{"id":1,"stream":{{Subscribe}}}""");
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, _endpoint.Component.OpenSubscriptions));

        await peer.WaitUntilDroppedAsync();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, _endpoint.Component.OpenSubscriptions));
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(0, _endpoint.Endpoint.OpenWebSockets));
    }

    private async Task<RawSession> StartAsync(CommandEndpointOptions? options = null)
    {
        await StartEndpointAsync(options);
        return await RawSession.ConnectAsync(_endpoint.WebSocketUri(CommandEndpoint.SessionPath));
    }

    private async Task StartEndpointAsync(CommandEndpointOptions? options = null, FakeComponent? component = null) =>
        _endpoint = await FakeEndpoint.StartAsync(options, component);
}
