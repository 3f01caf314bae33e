using System.Net;
using System.Net.Sockets;
using System.Text;
using Csw.Command.Tests.Internal.Http;
using Csw.Command.Tests.Support;
using Csw.Tests.Shared;

namespace Csw.Command.Tests;

/// <summary>Where a command endpoint agrees to listen, and its limit on connections.</summary>
public sealed class CommandEndpointTests
{
    private const string Submit = """{"_type":"Submit","controlCommand":{"_type":"Setup","source":"WFOS.client","commandName":"complete","paramSet":[]}}""";

    [Fact]
    public async Task StartAsync_EveryAddressWithoutToken_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => FakeEndpoint.StartAsync(CommandEndpointOptions.Default.WithBindAddress(IPAddress.Any)));
        Assert.Contains("without a token", error.Message);
        Assert.Contains("--insecure", error.Message);
    }

    [Fact]
    public async Task StartAsync_EveryAddressWithTokenOrInsecure_Starts()
    {
        await using (var withToken = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default.WithBindAddress(IPAddress.Any).WithToken("s3cret")))
        {
            Assert.NotEqual(0, withToken.Endpoint.Port);
        }
        await using var insecure = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default.WithBindAddress(IPAddress.Any).WithInsecure(true));
        Assert.NotEqual(0, insecure.Endpoint.Port);
    }

    [Fact]
    public async Task Connections_OverTheLimit_503TooManyConnectionsAndServedAgainWhenOneCloses()
    {
        await using var endpoint = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default with { MaxConnections = 2 });
        using var idle1 = new TcpClient();
        using var idle2 = new TcpClient();
        await idle1.ConnectAsync(IPAddress.Loopback, endpoint.Endpoint.Port);
        await idle2.ConnectAsync(IPAddress.Loopback, endpoint.Endpoint.Port);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(2, endpoint.Endpoint.OpenConnections));

        using (var http = new HttpClient())
        using (var refused = await http.PostAsync(endpoint.PostUri, new StringContent(Submit, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var (name, message) = await EndpointHandlerTests.ErrorOfAsync(refused);
            Assert.Equal("TooManyConnections", name);
            Assert.Contains("2 connections", message);
        }
        Assert.Empty(endpoint.Component.Received);

        idle1.Dispose();
        await TestWaits.AwaitAssertAsync(() => Assert.Equal(1, endpoint.Endpoint.OpenConnections));
        using (var http = new HttpClient())
        using (var served = await http.PostAsync(endpoint.PostUri, new StringContent(Submit, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
    }

    [Fact]
    public async Task Sessions_AThousandOpenAtOnceWithTheDefaults_EachServed()
    {
        const int count = 1000;
        await using var endpoint = await FakeEndpoint.StartAsync();
        var sessions = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => RawSession.ConnectAsync(endpoint.WebSocketUri(CommandEndpoint.SessionPath))));
        try
        {
            await Task.WhenAll(sessions.Select(session => session.SendAsync($$"""{"id":1,"request":{{Submit}}}""")));
            var answers = await Task.WhenAll(sessions.Select(session => session.ResponseTypeAsync(1)));

            Assert.All(answers, answer => Assert.Equal("Completed", answer));
            Assert.Equal(count, endpoint.Endpoint.OpenWebSockets);
        }
        finally
        {
            await Task.WhenAll(sessions.Select(session => session.DisposeAsync().AsTask()));
        }
    }
}
