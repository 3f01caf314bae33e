using Csw.Cli.Common;
using Csw.Location;
using Csw.Params;

namespace Csw.Cli.Tests.Common;

public sealed class NotRegisteredTests : IAsyncLifetime
{
    private readonly ILocationService _locations = LocationServiceFactory.CreateEmbedded();

    public async Task InitializeAsync()
    {
        foreach (var (prefix, type) in new[] { ("WFOS.blue.filter", ComponentType.HCD), ("WFOS.red.filter", ComponentType.HCD), ("WFOS.filter.assembly", ComponentType.Assembly), ("TCS.mount", ComponentType.HCD) })
        {
            await _locations.RegisterAsync(new HttpRegistration(Connection.Http(new ComponentId(Prefix.Parse(prefix), type)), 8080));
        }
    }

    public async Task DisposeAsync() => await LocationBackends.CloseAsync(_locations);

    [Fact]
    public async Task DescribeAsync_Typo_SuggestsTheNearestRegistered()
    {
        var message = await NotRegistered.DescribeAsync(_locations, Prefix.Parse("WFOS.blue.filtr"), null, default);
        Assert.Equal("No HCD or Assembly WFOS.blue.filtr with an HTTP command endpoint is registered. Did you mean WFOS.blue.filter or WFOS.red.filter? `csw location list` shows every registration.", message);
    }

    [Fact]
    public async Task DescribeAsync_NothingClose_ListsTheSameSubsystem()
    {
        var message = await NotRegistered.DescribeAsync(_locations, Prefix.Parse("WFOS.spectrograph.camera"), ComponentType.HCD, default);
        Assert.Equal("No HCD WFOS.spectrograph.camera with an HTTP command endpoint is registered. Registered in WFOS: WFOS.blue.filter, WFOS.filter.assembly, WFOS.red.filter. `csw location list` shows every registration.", message);
    }

    [Fact]
    public async Task DescribeAsync_NothingInTheSubsystem_PointsToLocationList()
    {
        var message = await NotRegistered.DescribeAsync(_locations, Prefix.Parse("IRIS.imager"), null, default);
        Assert.Equal("No HCD or Assembly IRIS.imager with an HTTP command endpoint is registered. `csw location list` shows every registration.", message);
    }

    [Fact]
    public async Task DescribeAsync_RegisteredAsTheOtherType_SaysWhichType()
    {
        var message = await NotRegistered.DescribeAsync(_locations, Prefix.Parse("WFOS.filter.assembly"), ComponentType.HCD, default);
        Assert.Equal("No HCD WFOS.filter.assembly with an HTTP command endpoint is registered. WFOS.filter.assembly is registered as Assembly: leave out --type, or give --type assembly.", message);
    }

    [Fact]
    public async Task DescribeAsync_NothingRegistered_SaysContainersNeedTheLocationServer()
    {
        var empty = LocationServiceFactory.CreateEmbedded();
        var message = await NotRegistered.DescribeAsync(empty, Prefix.Parse("WFOS.blue.filter"), null, default);
        Assert.Equal("No HCD or Assembly WFOS.blue.filter with an HTTP command endpoint is registered. No component is registered there at all: a container started without --location (or $CSW_LOCATION) keeps its components to itself.", message);
        await LocationBackends.CloseAsync(empty);
    }
}
