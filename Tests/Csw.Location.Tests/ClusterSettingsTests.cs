using System.Net;

namespace Csw.Location.Tests;

public sealed class ClusterSettingsTests
{
    [Fact]
    public void ParseSeeds_HostPortList_ReadsEachEntry()
    {
        var seeds = ClusterSettings.ParseSeeds("10.0.0.5:3552, seed-b.example:3553 [::1]:3554");

        Assert.Equal([new DnsEndPoint("10.0.0.5", 3552), new DnsEndPoint("seed-b.example", 3553), new DnsEndPoint("::1", 3554)], seeds);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("10.0.0.5:")]
    [InlineData(":3552")]
    [InlineData("10.0.0.5:seed")]
    [InlineData("10.0.0.5:70000")]
    [InlineData("10.0.0.5:0")]
    [InlineData("akka.tcp://csw-system@10.0.0.5:3552")]
    [InlineData("::1:3552")]
    public void ParseSeeds_EntryNotHostPort_ThrowsNamingTheEntry(string bad)
    {
        var error = Assert.Throws<FormatException>(() => ClusterSettings.ParseSeeds($"10.0.0.6:3552,{bad}"));

        Assert.Contains($"'{bad}'", error.Message);
    }

    [Fact]
    public void ParseSeeds_Empty_NoSeeds()
    {
        Assert.Empty(ClusterSettings.ParseSeeds(" , "));
    }

    [Fact]
    public void Default_CswPortOnLoopback_KeepOldestWithinFiveSeconds()
    {
        var config = ClusterSettings.Default.ToConfig();

        Assert.Equal(3552, config.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal("127.0.0.1", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
        Assert.Equal("keep-oldest", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Empty(config.GetStringList("akka.cluster.seed-nodes"));
    }

    [Fact]
    public void ToConfig_SeedsHostnameAndPort_AreAkkaAddressesOfTheSystem()
    {
        var settings = ClusterSettings.Default.WithHostname("10.0.0.9").WithPort(4000).WithSeeds("10.0.0.5:3552,[fe80::1]:3552");

        var config = settings.ToConfig();

        Assert.Equal(["akka.tcp://csw-system@10.0.0.5:3552", "akka.tcp://csw-system@[fe80::1]:3552"], config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal("10.0.0.9", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(4000, config.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Fact]
    public void ToConfig_FailureDetectorAndStableAfter_AreWrittenOut()
    {
        var config = ClusterSettings.Default.WithFailureDetector(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)).WithStableAfter(TimeSpan.FromSeconds(2)).ToConfig();

        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(TimeSpan.FromSeconds(2), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
    }

    [Fact]
    public void With_OutOfRangeValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterSettings.Default.WithPort(65536));
        Assert.Throws<ArgumentException>(() => ClusterSettings.Default.WithHostname(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterSettings.Default.WithFailureDetector(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterSettings.Default.WithStableAfter(TimeSpan.Zero));
    }

    [Fact]
    public void AddressOfInterface_NoSuchInterface_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => ClusterSettings.AddressOfInterface("no-such-nic0"));

        Assert.Contains("no-such-nic0", error.Message);
    }

    [Fact]
    public void AddressOfInterface_Loopback_IsItsIPv4Address()
    {
        Assert.Equal("127.0.0.1", ClusterSettings.AddressOfInterface("lo"));
    }
}
