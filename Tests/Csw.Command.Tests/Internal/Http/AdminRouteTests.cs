using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Csw.Command.Tests.Support;

namespace Csw.Command.Tests.Internal.Http;

/// <summary>CSW's lifecycle requests on <c>/post-endpoint</c>, and who may use the admin route.</summary>
public sealed class AdminRouteTests
{
    [Theory]
    [InlineData("""{"_type":"GoOnline"}""", "GoOnline")]
    [InlineData("""{"_type":"GoOffline"}""", "GoOffline")]
    [InlineData("""{"_type":"ExecuteDiagnosticMode","startTime":"2021-09-20T10:12:42.234Z","hint":"engineering"}""", "DiagnosticMode")]
    [InlineData("""{"_type":"ExecuteOperationsMode"}""", "OperationsMode")]
    public async Task Post_CswLifecycleRequest_ServedAndAnsweredAsCswDoes(string request, string called)
    {
        await using var endpoint = await FakeEndpoint.StartAsync();
        using var http = new HttpClient();
        using var response = await http.PostAsync(endpoint.PostUri, new StringContent(request, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", await response.Content.ReadAsStringAsync());
        Assert.Equal([called], endpoint.Component.Admin.Received);
    }

    [Fact]
    public async Task Admin_LoopbackWithoutToken_Served()
    {
        await using var endpoint = await FakeEndpoint.StartAsync();
        using var http = new HttpClient();
        using var response = await PostAdminAsync(http, endpoint, """{"_type":"SetLogLevel","level":"DEBUG"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"_type":"LogLevel","level":"DEBUG","defaultLevel":"INFO"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_OtherMachinesWithoutToken_403AndNotRun()
    {
        await using var endpoint = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default.WithBindAddress(IPAddress.Any).WithInsecure(true));
        using var http = new HttpClient();
        using var response = await PostAdminAsync(http, endpoint, """{"_type":"Restart"}""");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (name, message) = await EndpointHandlerTests.ErrorOfAsync(response);
        Assert.Equal("Forbidden", name);
        Assert.Contains("token", message);
        Assert.Empty(endpoint.Component.Admin.Received);
    }

    [Fact]
    public async Task Admin_WithTokenConfigured_401WithoutItAndServedWithIt()
    {
        await using var endpoint = await FakeEndpoint.StartAsync(CommandEndpointOptions.Default.WithBindAddress(IPAddress.Any).WithToken("s3cret"));
        using var http = new HttpClient();
        using (var refused = await PostAdminAsync(http, endpoint, """{"_type":"GetLifecycleState"}"""))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var served = await PostAdminAsync(http, endpoint, """{"_type":"GetLifecycleState"}""");
        Assert.Equal("""{"_type":"LifecycleState","state":"Running"}""", await served.Content.ReadAsStringAsync());
        Assert.Equal(["GetLifecycleState"], endpoint.Component.Admin.Received);
    }

    [Theory]
    [InlineData("""{"_type":"Explode"}""", "Unknown admin request 'Explode'")]
    [InlineData("""{"_type":"Lock","source":"CSW.ops","leaseDurationInSeconds":-1}""", "leaseDurationInSeconds")]
    [InlineData("""{"_type":"SetLogLevel","level":"LOUD"}""", "not a log level")]
    [InlineData("""[1,2""", "Not JSON")]
    public async Task Admin_BadRequest_400NamingTheProblem(string request, string problem)
    {
        await using var endpoint = await FakeEndpoint.StartAsync();
        using var http = new HttpClient();
        using var response = await PostAdminAsync(http, endpoint, request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, (await EndpointHandlerTests.ErrorOfAsync(response)).Message);
    }

    private static Task<HttpResponseMessage> PostAdminAsync(HttpClient http, FakeEndpoint endpoint, string json) =>
        http.PostAsync(new Uri($"http://127.0.0.1:{endpoint.Endpoint.Port}{CommandEndpoint.AdminPath}"), new StringContent(json, Encoding.UTF8, "application/json"));
}
