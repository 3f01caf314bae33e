using System.Text.Json.Nodes;
using Csw.Location.Tests.Support;

namespace Csw.Location.Tests.Internal;

/// <summary>The location server answers CSW's sample requests (csw-contract) with the JSON CSW's server writes.</summary>
public sealed class HttpLocationServerWireTests : IAsyncLifetime
{
    private static readonly JsonNode Requests = JsonNode.Parse(ContractFiles.Read("testHttpContract.json"))!["requests"]!;
    private static readonly JsonNode Models = JsonNode.Parse(ContractFiles.Read("testModels.json"))!;
    private static readonly JsonNode TrackSample = JsonNode.Parse(ContractFiles.Read("testWebSocketContract.json"))!["requests"]!["Track"]![0]!;

    private ServerHarness _harness = null!;

    private static string PekkoRegister => Requests["Register"]![0]!.ToJsonString();

    private static string HttpRegister => Requests["Register"]![1]!.ToJsonString();

    private static JsonNode PekkoConnection => Requests["Register"]![0]!["registration"]!["connection"]!;

    public async Task InitializeAsync() => _harness = await ServerHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PostEndpoint_CswRegisterSamples_AnsweredWithTheLocations()
    {
        var pekko = await _harness.PostAsync(PekkoRegister);
        var http = await _harness.PostAsync(HttpRegister);

        Assert.Equal(200, pekko.Status);
        AssertJson(Models["Location"]![0]!, pekko.Json);
        Assert.Equal(200, http.Status);
        var connection = Requests["Register"]![1]!["registration"]!["connection"]!;
        AssertJson(new JsonObject { ["_type"] = "HttpLocation", ["connection"] = connection.DeepClone(), ["uri"] = "http://127.0.0.1:2090/somePath", ["metadata"] = new JsonObject() }, http.Json);
    }

    [Fact]
    public async Task PostEndpoint_CswUnregisterSample_AnsweredDoneAndRemoved()
    {
        await _harness.PostAsync(HttpRegister);

        var unregistered = await _harness.PostAsync(Requests["Unregister"]![0]!.ToJsonString());

        Assert.Equal((200, "\"Done\""), (unregistered.Status, unregistered.Body));
        Assert.Equal("[]", (await _harness.PostAsync(Request("Find", ("connection", Requests["Unregister"]![0]!["connection"]!)))).Body);
    }

    [Fact]
    public async Task PostEndpoint_FindAndResolve_AnsweredAsOptionArraysOfNoneOrOne()
    {
        var find = Request("Find", ("connection", PekkoConnection));

        Assert.Equal("[]", (await _harness.PostAsync(find)).Body);
        Assert.Equal("[]", (await _harness.PostAsync(Request("Resolve", ("connection", PekkoConnection), ("within", "0 seconds")))).Body);
        await _harness.PostAsync(PekkoRegister);
        AssertJson(new JsonArray(Models["Location"]![0]!.DeepClone()), (await _harness.PostAsync(find)).Json);
        AssertJson(new JsonArray(Models["Location"]![0]!.DeepClone()), (await _harness.PostAsync(Request("Resolve", ("connection", PekkoConnection), ("within", "5 seconds")))).Json);
    }

    [Fact]
    public async Task PostEndpoint_Listings_AnsweredAsArraysOfLocations()
    {
        await _harness.PostAsync(PekkoRegister);
        await _harness.PostAsync(HttpRegister);

        async Task<int> CountAsync(string json)
        {
            var response = await _harness.PostAsync(json);
            Assert.Equal(200, response.Status);
            return response.Json.AsArray().Count;
        }

        Assert.Equal(2, await CountAsync(Request("ListEntries")));
        Assert.Equal(2, await CountAsync(Request("ListByComponentType", ("componentType", "HCD"))));
        Assert.Equal(0, await CountAsync(Request("ListByComponentType", ("componentType", "Assembly"))));
        Assert.Equal(1, await CountAsync(Request("ListByHostname", ("hostname", "127.0.0.1"))));
        Assert.Equal(1, await CountAsync(Request("ListByConnectionType", ("connectionType", "http"))));
        Assert.Equal(2, await CountAsync(Request("ListByPrefix", ("prefix", "TCS.filter"))));
        Assert.Equal(0, await CountAsync(Request("ListByPrefix", ("prefix", "IRIS"))));
    }

    [Fact]
    public async Task PostEndpoint_OtherLocationRegistered_Answers500DomainErrorInCswsFormat()
    {
        await _harness.PostAsync(PekkoRegister);
        var other = JsonNode.Parse(PekkoRegister)!;
        other["registration"]!["actorRefURI"] = "other_path";

        var refused = await _harness.PostAsync(other.ToJsonString());

        Assert.Equal((500, "DomainError"), (refused.Status, refused.ErrorType));
        Assert.Equal("OtherLocationIsRegistered", refused.Json["_type"]!.GetValue<string>());
        Assert.Contains("TCS.filter.wheel-HCD-pekko", refused.Json["msg"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostEndpoint_UnregisterAll_AnsweredDoneAndNothingLeft()
    {
        await _harness.PostAsync(PekkoRegister);
        await _harness.PostAsync(HttpRegister);

        Assert.Equal("\"Done\"", (await _harness.PostAsync(Request("UnregisterAll"))).Body);
        Assert.Equal("[]", (await _harness.PostAsync(Request("ListEntries"))).Body);
    }

    [Fact]
    public async Task WebSocketEndpoint_CswTrackSample_StreamsTrackingEventsInCswsFormat()
    {
        await _harness.PostAsync(PekkoRegister);
        using var socket = await _harness.ConnectAsync();

        await socket.SendTextAsync(TrackSample.ToJsonString());

        AssertJson(Models["TrackingEvent"]![0]!, JsonNode.Parse((await socket.ReceiveTextAsync())!)!);
        await _harness.PostAsync(Request("Unregister", ("connection", PekkoConnection)));
        AssertJson(new JsonObject { ["_type"] = "LocationRemoved", ["connection"] = PekkoConnection.DeepClone() }, JsonNode.Parse((await socket.ReceiveTextAsync())!)!);
    }

    private static string Request(string type, params (string Name, JsonNode Value)[] fields)
    {
        var request = new JsonObject { ["_type"] = type };
        foreach (var (name, value) in fields)
        {
            request[name] = value.DeepClone();
        }
        return request.ToJsonString();
    }

    private static void AssertJson(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\n  actual {actual.ToJsonString()}");
}
