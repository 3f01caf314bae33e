using System.Text.Json.Nodes;
using Csw.Location.Messages;
using Csw.Params;

namespace Csw.Location.Tests;

/// <summary>The location codec against CSW's format, built from csw-contract's LocationData where the files stop.</summary>
public sealed class LocationJsonTests
{
    private static readonly ComponentId Wheel = new(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD);
    private static readonly PekkoConnection Pekko = new(Wheel);
    private static readonly HttpConnection Http = new(Wheel);
    private static readonly TcpConnection Tcp = new(Wheel);
    private static readonly Metadata Key1 = Metadata.Empty.Add("key1", "value");

    private const string PekkoConnectionJson = """{"prefix":"TCS.filter.wheel","componentType":"HCD","connectionType":"pekko"}""";

    public static TheoryData<object> Values() =>
    [
        new PekkoRegistration(Pekko, new Uri("path", UriKind.Relative), Key1),
        new HttpRegistration(Http, 8080, "path"),
        new HttpRegistration(Http, 8080, "path", NetworkType.Outside, Metadata.Empty),
        new TcpRegistration(Tcp, 8080),
        new PekkoLocation(Pekko, new Uri("path", UriKind.Relative), Key1),
        new HttpLocation(Http, new Uri("http://10.0.0.5:8080/command")),
        new TcpLocation(Tcp, new Uri("tcp://10.0.0.5:9000")),
        new LocationUpdated(new PekkoLocation(Pekko, new Uri("csw://sys/user/wheel?uid=1"), Key1)),
        new LocationRemoved(Pekko),
        new Register(new HttpRegistration(Http, 8080, "path")),
        new Unregister(Http),
        new UnregisterAll(),
        new Find(Pekko),
        new Resolve(Pekko, TimeSpan.FromSeconds(23)),
        new ListEntries(),
        new ListByComponentType(ComponentType.Assembly),
        new ListByHostname("hostname"),
        new ListByConnectionType(ConnectionType.Http),
        new ListByPrefix("TCS.filter.wheel"),
        new Track(Pekko),
        new ConnectionInfo(Wheel.Prefix, ComponentType.HCD, ConnectionType.Pekko),
        Wheel,
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void Deserialize_SerializedValue_EqualsTheOriginal(object value)
    {
        var json = LocationJson.Serialize(value);

        var back = value switch
        {
            Registration => LocationJson.Deserialize<Registration>(json),
            Location => LocationJson.Deserialize<Location>(json),
            TrackingEvent => LocationJson.Deserialize<TrackingEvent>(json),
            LocationRequest => LocationJson.Deserialize<LocationRequest>(json),
            LocationStreamRequest => LocationJson.Deserialize<LocationStreamRequest>(json),
            ConnectionInfo => LocationJson.Deserialize<ConnectionInfo>(json),
            ComponentId => (object)LocationJson.Deserialize<ComponentId>(json),
            _ => throw new InvalidOperationException(value.GetType().Name),
        };

        Assert.Equal(value, back);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Deserialize_SerializedError_SameTypeAndMessage(LocationServiceException error, string expectedJson)
    {
        var json = LocationJson.Serialize(error);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), JsonNode.Parse(json)), json);
        var back = LocationJson.Deserialize<LocationServiceException>(json);
        Assert.IsType(error.GetType(), back);
        Assert.Equal(error.Message, back.Message);
    }

    public static TheoryData<LocationServiceException, string> Errors() => new()
    {
        { new RegistrationFailedException("failure message"), """{"_type":"RegistrationFailed","msg":"failure message"}""" },
        { new OtherLocationIsRegisteredException("failure message"), """{"_type":"OtherLocationIsRegistered","msg":"failure message"}""" },
        { new UnregistrationFailedException(Pekko), $$"""{"_type":"UnregistrationFailed","connection":{{PekkoConnectionJson}}}""" },
        { new RegistrationListingFailedException(), """{"_type":"RegistrationListingFailed"}""" },
    };

    [Fact]
    public void Serialize_HttpRegistration_WritesCswFields()
    {
        var json = LocationJson.Serialize(new HttpRegistration(Http, 8080, "path", NetworkType.Outside, Metadata.Empty));

        AssertJson("""{"_type":"HttpRegistration","connection":{"prefix":"TCS.filter.wheel","componentType":"HCD","connectionType":"http"},"port":8080,"path":"path","networkType":{"_type":"Outside"},"metadata":{}}""", json);
    }

    [Fact]
    public void Serialize_LocationRemovedAndListRequests_WriteCswFields()
    {
        AssertJson($$"""{"_type":"LocationRemoved","connection":{{PekkoConnectionJson}}}""", LocationJson.Serialize(new LocationRemoved(Pekko)));
        AssertJson("""{"_type":"ListByConnectionType","connectionType":"pekko"}""", LocationJson.Serialize(new ListByConnectionType(ConnectionType.Pekko)));
        AssertJson("""{"_type":"ListByComponentType","componentType":"HCD"}""", LocationJson.Serialize(new ListByComponentType(ComponentType.HCD)));
        AssertJson("""{"_type":"UnregisterAll"}""", LocationJson.Serialize<LocationRequest>(new UnregisterAll()));
    }

    [Theory]
    [InlineData(23_000, "23 seconds")]
    [InlineData(1_000, "1 second")]
    [InlineData(1_500, "1500 milliseconds")]
    [InlineData(120_000, "2 minutes")]
    [InlineData(0, "0 days")]
    public void Serialize_Resolve_WithinAsScalaWritesIt(int milliseconds, string expected)
    {
        var json = LocationJson.Serialize(new Resolve(Pekko, TimeSpan.FromMilliseconds(milliseconds)));

        AssertJson($$"""{"_type":"Resolve","connection":{{PekkoConnectionJson}},"within":"{{expected}}"}""", json);
    }

    [Theory]
    [InlineData("5 s", 5_000)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1 day", 86_400_000)]
    [InlineData("250 ms", 250)]
    [InlineData("1500000 micros", 1_500)]
    [InlineData("3000000000 nanoseconds", 3_000)]
    public void Deserialize_ResolveInScalaUnits_ReadsWithin(string within, int expectedMilliseconds)
    {
        var request = LocationJson.Deserialize<LocationRequest>($$"""{"_type":"Resolve","connection":{{PekkoConnectionJson}},"within":"{{within}}"}""");

        Assert.Equal(new Resolve(Pekko, TimeSpan.FromMilliseconds(expectedMilliseconds)), request);
    }

    [Fact]
    public void Deserialize_LocationList_ReadsEachLocation()
    {
        Location[] locations = [new PekkoLocation(Pekko, new Uri("csw://a")), new HttpLocation(Http, new Uri("http://h:1/"))];

        var json = LocationJson.Serialize(locations.ToList());

        Assert.StartsWith("[", json, StringComparison.Ordinal);
        Assert.Equal(locations, LocationJson.Deserialize<IReadOnlyList<Location>>(json));
        Assert.Empty(LocationJson.Deserialize<IReadOnlyList<Location>>("[]"));
    }

    [Fact]
    public void Deserialize_MissingMetadataAndNetworkType_DefaultsAsCswWrites()
    {
        var registration = LocationJson.Deserialize<Registration>($$"""{"_type":"HttpRegistration","connection":{"prefix":"TCS.filter.wheel","componentType":"hcd","connectionType":"HTTP"},"port":80,"path":""}""");

        Assert.Equal(new HttpRegistration(Http, 80, ""), registration);
    }

    [Theory]
    [InlineData("""{"_type":"Register","registration":{"_type":"UdpRegistration"}}""", "$.registration._type", "unknown registration type 'UdpRegistration'")]
    [InlineData("""{"_type":"Nope"}""", "$._type", "unknown location request type 'Nope'")]
    [InlineData("""{"_type":"Find","connection":{"prefix":"NOPE.wheel","componentType":"HCD","connectionType":"pekko"}}""", "$.connection.prefix", "unknown subsystem")]
    [InlineData("""{"_type":"Find","connection":{"prefix":"TCS.wheel","componentType":"Gadget","connectionType":"pekko"}}""", "$.connection.componentType", "unknown component type 'Gadget'")]
    [InlineData("""{"_type":"Find","connection":{"prefix":"TCS.wheel","componentType":"HCD","connectionType":"udp"}}""", "$.connection.connectionType", "unknown connection type 'udp'")]
    [InlineData("""{"_type":"Find","connection":{"prefix":"TCS.wheel","componentType":"1","connectionType":"pekko"}}""", "$.connection.componentType", "unknown component type '1'")]
    [InlineData("""{"_type":"Find","connection":{"prefix":"TCS.wheel","componentType":"HCD"}}""", "$.connection", "no 'connectionType' field")]
    [InlineData("""{"_type":"Find"}""", "$", "Find has no 'connection' field")]
    [InlineData("""{"_type":"Resolve","connection":{"prefix":"TCS.wheel","componentType":"HCD","connectionType":"pekko"},"within":"5 fortnights"}""", "$.within", "unknown time unit 'fortnights'")]
    [InlineData("""{"_type":"Resolve","connection":{"prefix":"TCS.wheel","componentType":"HCD","connectionType":"pekko"},"within":5}""", "$.within", "expected a duration")]
    [InlineData("""{"_type":"Register","registration":{"_type":"TcpRegistration","connection":{"prefix":"TCS.wheel","componentType":"HCD","connectionType":"tcp"},"port":70000}}""", "$.registration.port", "not between 0 and 65535")]
    [InlineData("""{"_type":"Register","registration":{"_type":"TcpRegistration","connection":{"prefix":"TCS.wheel","componentType":"HCD","connectionType":"tcp"},"port":"80"}}""", "$.registration.port", "expected a port")]
    [InlineData("""{"_type":"Register","registration":{"_type":"PekkoRegistration","connection":{"prefix":"TCS.wheel","componentType":"HCD","connectionType":"http"},"actorRefURI":"x"}}""", "$.registration.connection", "PekkoRegistration needs a PekkoConnection, found a HttpConnection")]
    [InlineData("""{"_type":"Register","registration":{"_type":"PekkoRegistration","connection":{"prefix":"TCS.wheel","componentType":"HCD","connectionType":"pekko"},"actorRefURI":"x","metadata":{"key1":1}}}""", "$.registration.metadata.key1", "expected a metadata value")]
    [InlineData("""{"_type":"Register","registration":{"_type":"HttpRegistration","connection":{"prefix":"TCS.wheel","componentType":"HCD","connectionType":"http"},"port":1,"networkType":{"_type":"Sideways"}}}""", "$.registration.networkType._type", "unknown network type 'Sideways'")]
    [InlineData("""[]""", "$", "expected a location request")]
    public void Deserialize_BadRequest_ThrowsNamingThePath(string json, string path, string problem)
    {
        var error = Assert.Throws<CswJsonException>(() => LocationJson.Deserialize<LocationRequest>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"_type":"Find","connection":""")]
    [InlineData("""{"_type":"ListEntries"} trailing""")]
    public void Deserialize_MalformedOrTruncated_ThrowsAtTheRoot(string json)
    {
        var error = Assert.Throws<CswJsonException>(() => LocationJson.Deserialize<LocationRequest>(json));

        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void Deserialize_OtherSubtypeThanAsked_Throws()
    {
        var json = LocationJson.Serialize(new HttpLocation(Http, new Uri("http://h:1/")));

        var error = Assert.Throws<CswJsonException>(() => LocationJson.Deserialize<PekkoLocation>(json));

        Assert.Contains("expected a PekkoLocation, found a HttpLocation", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpLocation>(LocationJson.Deserialize<HttpLocation>(json));
    }

    [Fact]
    public void IsSupported_ModelsMessagesAndLists_TrueAndOthersFalse()
    {
        Assert.True(LocationJson.IsSupported(typeof(HttpLocation)));
        Assert.True(LocationJson.IsSupported(typeof(UnregistrationFailedException)));
        Assert.True(LocationJson.IsSupported(typeof(Track)));
        Assert.True(LocationJson.IsSupported(typeof(IReadOnlyList<Location>)));
        Assert.False(LocationJson.IsSupported(typeof(string)));
        Assert.Throws<NotSupportedException>(() => LocationJson.Deserialize<string>("\"x\""));
        Assert.Throws<NotSupportedException>(() => LocationJson.Serialize(42));
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}, got {actual}");
}
