using System.Runtime.Serialization;
using Akka.Actor;
using Csw.Location.Internal.Cluster;
using Csw.Params;

namespace Csw.Location.Tests.Internal;

public sealed class LocationSerializerTests : IAsyncLifetime
{
    private static readonly Location Wheel = new PekkoRegistration(
        new PekkoConnection(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD)), new Uri("akka.tcp://csw-system@10.0.0.5:3552/user/wheel"), Metadata.Empty.Add("k", "v"))
        .ToLocation("10.0.0.5");

    private static readonly Location Http = new HttpRegistration(new HttpConnection(new ComponentId(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD)), 8080, "command").ToLocation("10.0.0.5");

    private ActorSystem _system = null!;

    private LocationSerializer Serializer => new((ExtendedActorSystem)_system);

    public Task InitializeAsync()
    {
        _system = ActorSystem.Create("serializer");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _system.Terminate();

    public static TheoryData<object> Messages() =>
    [
        new ClusterRegistration(Wheel, "akka.tcp://csw-system@10.0.0.5:3552", -42),
        new Register(new ClusterRegistration(Http, "akka.tcp://csw-system@10.0.0.5:3552", 7)),
        new Unregister("TCS.filter.wheel-HCD-pekko", null),
        new Unregister("TCS.filter.wheel-HCD-pekko", Wheel),
        UnregisterAll.Instance,
        new Registered(Http),
        new Refused(Wheel),
        Done.Instance,
        new Failed("no majority"),
        Follow.Anew,
        new Follow(42),
        new Snapshot([Wheel, Http], 7),
        new Snapshot([], 0),
        new LocationChanged("TCS.filter.wheel-HCD-pekko", Wheel, 1),
        new LocationChanged("TCS.filter.wheel-HCD-pekko", null, 2),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void FromBinary_WhatToBinaryWrote_GivesTheSameMessage(object message)
    {
        var serializer = Serializer;

        var read = serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));

        Assert.Equal(message, read);
    }

    [Fact]
    public void ToBinary_Entry_IsCswJsonOfTheLocationWithItsOwner()
    {
        var json = System.Text.Encoding.UTF8.GetString(Serializer.ToBinary(new ClusterRegistration(Wheel, "akka.tcp://csw-system@10.0.0.5:3552", 9)));

        Assert.StartsWith("{\"location\":" + LocationJson.Serialize(Wheel), json);
        Assert.EndsWith(",\"owner\":\"akka.tcp://csw-system@10.0.0.5:3552\",\"uid\":9}", json);
    }

    [Theory]
    [InlineData("E", "not json")]
    [InlineData("E", "{\"location\":{\"_type\":\"PekkoLocation\"},\"owner\":\"x\",\"uid\":1}")]
    [InlineData("Reg", "{}")]
    [InlineData("Nope", "{}")]
    public void FromBinary_NotALocationMessage_ThrowsSerializationException(string manifest, string text)
    {
        Assert.Throws<SerializationException>(() => Serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(text), manifest));
    }

    [Fact]
    public void Serialization_ClusterSystem_PicksTheLocationSerializer()
    {
        using var system = ActorSystem.Create("bound", ClusterSettings.Default.WithPort(0).ToConfig());

        Assert.IsType<LocationSerializer>(system.Serialization.FindSerializerForType(typeof(Register)));
        Assert.IsType<LocationSerializer>(system.Serialization.FindSerializerForType(typeof(ClusterRegistration)));
    }
}
