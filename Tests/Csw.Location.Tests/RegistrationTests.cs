using Csw.Params;

namespace Csw.Location.Tests;

public sealed class RegistrationTests
{
    private static readonly ComponentId Wheel = new(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD);
    private static readonly Metadata Pid = Metadata.Empty.WithPid(7);

    [Fact]
    public void ToLocation_Pekko_IsTheActorUriWhateverTheHost()
    {
        var registration = new PekkoRegistration(new PekkoConnection(Wheel), new Uri("csw://sys/user/wheel?uid=3"), Pid);

        Assert.Equal(new PekkoLocation(new PekkoConnection(Wheel), new Uri("csw://sys/user/wheel?uid=3"), Pid), registration.ToLocation("anyhost"));
    }

    [Theory]
    [InlineData("command", "http://host:8080/command")]
    [InlineData("/command", "http://host:8080/command")]
    [InlineData("", "http://host:8080/")]
    public void ToLocation_Http_IsHostPortAndPath(string path, string expected)
    {
        var location = new HttpRegistration(new HttpConnection(Wheel), 8080, path).ToLocation("host");

        Assert.Equal(new HttpLocation(new HttpConnection(Wheel), new Uri(expected)), location);
    }

    [Fact]
    public void ToLocation_Tcp_IsHostAndPort()
    {
        var location = new TcpRegistration(new TcpConnection(Wheel), 9000, Pid).ToLocation("10.0.0.5");

        Assert.Equal(new TcpLocation(new TcpConnection(Wheel), new Uri("tcp://10.0.0.5:9000"), Pid), location);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Constructor_PortOutOfRange_Throws(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRegistration(new HttpConnection(Wheel), port));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TcpRegistration(new TcpConnection(Wheel), port));
    }

    [Fact]
    public void Equals_LocationsWithEqualMetadata_True()
    {
        var one = new PekkoLocation(new PekkoConnection(Wheel), new Uri("csw://a"), Metadata.Empty.Add("a", "1").Add("b", "2"));
        var two = new PekkoLocation(new PekkoConnection(Wheel), new Uri("csw://a"), Metadata.Empty.Add("b", "2").Add("a", "1"));

        Assert.Equal(one, two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
        Assert.NotEqual(one, one with { Metadata = Metadata.Empty });
    }
}
