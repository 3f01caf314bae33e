using System.Text.Json.Nodes;
using Csw.Location.Messages;
using Csw.Location.Tests.Support;
using Csw.Params;

namespace Csw.Location.Tests;

/// <summary>
/// Every location model and location-service request in CSW's contract files decodes and re-encodes
/// to the same JSON. The files hold models (<c>{"Location": [...], "TrackingEvent": [...]}</c>) and
/// contracts (<c>{"endpoints": [...], "requests": {"Register": [...]}}</c>), alone or nested.
/// </summary>
public sealed class LocationJsonContractTests
{
    private static readonly HashSet<string> HttpRequestTypes =
        ["Register", "Unregister", "UnregisterAll", "Find", "Resolve", "ListEntries", "ListByComponentType", "ListByHostname", "ListByConnectionType", "ListByPrefix"];

    private static readonly HashSet<string> ErrorTypes =
        ["OtherLocationIsRegistered", "RegistrationFailed", "UnregistrationFailed", "RegistrationListingFailed", "ServiceError"];

    [Theory]
    [InlineData("testModels.json", 3)]
    [InlineData("testHttpContract.json", 3)]
    [InlineData("testWebSocketContract.json", 1)]
    [InlineData("testAllServiceData.json", 7)]
    public void Deserialize_EverySampleOfAContractFile_ReencodesToTheSameJson(string file, int expectedSamples)
    {
        var root = JsonNode.Parse(ContractFiles.Read(file))!.AsObject();

        var checkedSamples = CheckObject(root, file);

        Assert.Equal(expectedSamples, checkedSamples);
    }

    [Fact]
    public void Endpoints_OfEveryContract_NameKnownRequestsAndErrors()
    {
        var all = JsonNode.Parse(ContractFiles.Read("testAllServiceData.json"))!["location-service"]!;
        var endpoints = all["http-contract"]!["endpoints"]!.AsArray().Concat(all["websocket-contract"]!["endpoints"]!.AsArray());

        foreach (var endpoint in endpoints)
        {
            var requestType = (string)endpoint!["requestType"]!;
            Assert.True(HttpRequestTypes.Contains(requestType) || requestType == "Track", requestType);
            Assert.All(endpoint["errorTypes"]!.AsArray(), error => Assert.Contains((string)error!, ErrorTypes));
        }
    }

    /// <summary>Checks each model list and contract in <paramref name="node"/>, recursing into nested services; returns how many samples were checked.</summary>
    private static int CheckObject(JsonObject node, string where)
    {
        var count = 0;
        foreach (var (name, value) in node)
        {
            switch (name, value)
            {
                case ("requests", JsonObject requests):
                    count += requests.Sum(pair => pair.Value!.AsArray().Sum(sample => CheckRequest(pair.Key, sample!, $"{where}.requests.{pair.Key}")));
                    break;
                case ("endpoints" or "readme", _):
                    break;
                case ("models", JsonObject models):
                    count += CheckModels(models, $"{where}.models");
                    break;
                case (_, JsonArray samples) when ModelTypes.ContainsKey(name):
                    count += samples.Sum(sample => RoundTrip(ModelTypes[name], sample!, $"{where}.{name}"));
                    break;
                case (_, JsonObject nested):
                    count += CheckObject(nested, $"{where}.{name}");
                    break;
                default:
                    throw new InvalidOperationException($"{where}.{name}: not a model list or contract this test knows; teach it.");
            }
        }
        return count;
    }

    private static int CheckModels(JsonObject models, string where) =>
        models.Sum(pair => ModelTypes.TryGetValue(pair.Key, out var type)
            ? pair.Value!.AsArray().Sum(sample => RoundTrip(type, sample!, $"{where}.{pair.Key}"))
            : throw new InvalidOperationException($"{where}.{pair.Key}: no model type known by that name"));

    private static int CheckRequest(string requestType, JsonNode sample, string where)
    {
        Assert.Equal(requestType, (string)sample["_type"]!);
        return RoundTrip(HttpRequestTypes.Contains(requestType) ? RoundTripAs<LocationRequest> : RoundTripAs<LocationStreamRequest>, sample, where);
    }

    /// <summary>The model lists' names in CSW's contract and how each is read back.</summary>
    private static readonly Dictionary<string, Func<string, string>> ModelTypes = new()
    {
        ["Location"] = RoundTripAs<Location>,
        ["TrackingEvent"] = RoundTripAs<TrackingEvent>,
        ["Registration"] = RoundTripAs<Registration>,
        ["Connection"] = RoundTripAs<Connection>,
        ["ConnectionType"] = RoundTripAs<ConnectionType>,
        ["ComponentId"] = RoundTripAs<ComponentId>,
        ["ComponentType"] = RoundTripAs<ComponentType>,
        ["LocationServiceError"] = RoundTripAs<LocationServiceException>,
    };

    private static string RoundTripAs<T>(string json) => LocationJson.Serialize(LocationJson.Deserialize<T>(json));

    private static int RoundTrip(Func<string, string> roundTrip, JsonNode sample, string where)
    {
        var original = sample.ToJsonString();
        var reencoded = JsonNode.Parse(roundTrip(original));
        Assert.True(JsonNode.DeepEquals(sample, reencoded), $"{where}: {original} came back as {reencoded?.ToJsonString()}");
        return 1;
    }
}
