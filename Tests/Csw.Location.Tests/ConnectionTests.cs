using Csw.Params;

namespace Csw.Location.Tests;

public sealed class ConnectionTests
{
    private static readonly ComponentId Wheel = new(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD);

    [Fact]
    public void Name_EachKind_IsPrefixComponentTypeAndConnectionTypeAsCsw()
    {
        Assert.Equal("TCS.filter.wheel-HCD-pekko", new PekkoConnection(Wheel).Name);
        Assert.Equal("TCS.filter.wheel-HCD-http", new HttpConnection(Wheel).Name);
        Assert.Equal("TCS.filter.wheel-HCD-tcp", new TcpConnection(Wheel).ToString());
        Assert.Equal("TCS.filter.wheel-Assembly-pekko", Connection.Pekko(Wheel with { ComponentType = ComponentType.Assembly }).Name);
    }

    [Fact]
    public void Equals_SameComponentOtherKind_False()
    {
        Assert.Equal<Connection>(new PekkoConnection(Wheel), Connection.Pekko(Wheel));
        Assert.NotEqual<Connection>(new PekkoConnection(Wheel), new HttpConnection(Wheel));
    }

    [Theory]
    [InlineData(ConnectionType.Pekko, typeof(PekkoConnection))]
    [InlineData(ConnectionType.Http, typeof(HttpConnection))]
    [InlineData(ConnectionType.Tcp, typeof(TcpConnection))]
    public void From_ConnectionInfo_ConnectionOfThatKind(ConnectionType connectionType, Type expected)
    {
        var connection = Connection.From(new ConnectionInfo(Wheel.Prefix, ComponentType.HCD, connectionType));

        Assert.IsType(expected, connection);
        Assert.Equal(connectionType, connection.ConnectionType);
        Assert.Equal(Wheel, connection.ComponentId);
        Assert.Equal(new ConnectionInfo(Wheel.Prefix, ComponentType.HCD, connectionType), connection.ConnectionInfo);
    }

    [Fact]
    public void Parse_Name_GivesTheConnectionBack()
    {
        Assert.Equal<Connection>(new HttpConnection(Wheel), Connection.Parse("TCS.filter.wheel-HCD-http"));
        Assert.Equal<Connection>(new PekkoConnection(Wheel with { ComponentType = ComponentType.SequenceComponent }), Connection.Parse("TCS.filter.wheel-sequencecomponent-PEKKO"));
    }

    [Theory]
    [InlineData("TCS.filter.wheel-HCD")]
    [InlineData("TCS.filter.wheel-HCD-udp")]
    [InlineData("TCS.filter.wheel-1-http")]
    [InlineData("NOPE.filter-HCD-http")]
    [InlineData("TCS.filter-HCD-http-extra")]
    public void Parse_NotAConnectionName_ThrowsFormatException(string name)
    {
        Assert.Throws<FormatException>(() => Connection.Parse(name));
    }

    [Theory]
    [InlineData("temp.controller-HCD-http", "'temp.controller-HCD-http' is not a connection name such as 'TCS.filter.wheel-HCD-pekko': Invalid prefix 'temp.controller': unknown subsystem 'temp' (subsystems: ")]
    [InlineData("TCS.filter-robot-http", "'TCS.filter-robot-http' is not a connection name such as 'TCS.filter.wheel-HCD-pekko': unknown component type 'robot'; expected one of ")]
    [InlineData("TCS.filter-HCD-udp", "'TCS.filter-HCD-udp' is not a connection name such as 'TCS.filter.wheel-HCD-pekko': unknown connection type 'udp' (pekko, http, tcp).")]
    public void Parse_WrongPart_MessageSaysWhichAndWhy(string name, string message)
    {
        Assert.StartsWith(message, Assert.Throws<FormatException>(() => Connection.Parse(name)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WireName_EachConnectionType_AsCsw()
    {
        Assert.Equal(["pekko", "http", "tcp"], Enum.GetValues<ConnectionType>().Select(t => t.WireName()));
    }
}
