using Csw.Tests.Shared;
using Csw.Params;

namespace Csw.Location.Tests;

/// <summary>What every location service must do with registrations: register, unregister, find, resolve and list.</summary>
public abstract class LocationServiceContractTests : LocationContractBase
{
    [Fact]
    public async Task RegisterAsync_PekkoRegistration_FindReturnsItsLocation()
    {
        var result = await Service.RegisterAsync(WheelHere);

        Assert.Equal(WheelHereLocation, result.Location);
        Assert.Equal(WheelHereLocation, await Service.FindAsync(Wheel));
        Assert.Equal([WheelHereLocation], await Service.ListAsync());
    }

    [Fact]
    public async Task RegisterAsync_HttpRegistration_LocationIsHttpAddressOfPortAndPath()
    {
        var connection = new HttpConnection(WheelId);
        var result = await Service.RegisterAsync(new HttpRegistration(connection, 8080, "command", NetworkType.Inside, Metadata.Empty.WithPid(42)));

        var location = Assert.IsType<HttpLocation>(result.Location);
        Assert.Equal(connection, location.Connection);
        Assert.Equal("http", location.Uri.Scheme);
        Assert.Equal(8080, location.Uri.Port);
        Assert.Equal("/command", location.Uri.AbsolutePath);
        Assert.Equal(42, location.Metadata.Pid);
        Assert.Equal(location, await Service.FindAsync(connection));
    }

    [Fact]
    public async Task RegisterAsync_TcpRegistration_LocationIsTcpAddressOfPort()
    {
        var connection = new TcpConnection(WheelId);
        var result = await Service.RegisterAsync(new TcpRegistration(connection, 9000));

        var location = Assert.IsType<TcpLocation>(result.Location);
        Assert.Equal("tcp", location.Uri.Scheme);
        Assert.Equal(9000, location.Uri.Port);
        Assert.Equal(location, await Service.FindAsync(connection));
    }

    [Fact]
    public async Task RegisterAsync_SameRegistrationTwice_SucceedsWithOneEntry()
    {
        var first = await Service.RegisterAsync(WheelHere);
        var second = await Service.RegisterAsync(WheelHere);

        Assert.Equal(first.Location, second.Location);
        Assert.Equal([WheelHereLocation], await Service.ListAsync());
    }

    [Fact]
    public async Task RegisterAsync_OtherLocationRegistered_ThrowsAndKeepsTheFirst()
    {
        await Service.RegisterAsync(WheelHere);

        var error = await Assert.ThrowsAsync<OtherLocationIsRegisteredException>(() => Service.RegisterAsync(WheelElsewhere));

        Assert.Contains(Wheel.Name, error.Message);
        Assert.Equal(WheelHereLocation, await Service.FindAsync(Wheel));
    }

    [Fact]
    public async Task RegisterAsync_SameActorPathOtherIncarnation_ThrowsOtherLocationIsRegistered()
    {
        await Service.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://sys/user/wheel?uid=1")));

        await Assert.ThrowsAsync<OtherLocationIsRegisteredException>(() => Service.RegisterAsync(new PekkoRegistration(Wheel, new Uri("csw://sys/user/wheel?uid=2"))));
    }

    [Fact]
    public async Task RegisterAsync_SameComponentOtherConnectionType_BothRegistered()
    {
        await Service.RegisterAsync(WheelHere);
        var http = await Service.RegisterAsync(new HttpRegistration(new HttpConnection(WheelId), 8080));

        Assert.Equal(WheelHereLocation, await Service.FindAsync(Wheel));
        Assert.Equal(http.Location, await Service.FindAsync(new HttpConnection(WheelId)));
        Assert.Equal(2, (await Service.ListAsync()).Count);
    }

    [Fact]
    public async Task RegisterAsync_ManyConcurrentConnections_AllRegistered()
    {
        var registrations = Enumerable.Range(0, 100).Select(i => PekkoAt($"TCS.wheel{i}")).ToList();

        await Task.WhenAll(registrations.Select(r => Task.Run(() => Service.RegisterAsync(r))));

        Assert.Equal(100, (await Service.ListAsync()).Count);
    }

    [Fact]
    public async Task RegisterAsync_ConcurrentConflictingLocations_ExactlyOneWins()
    {
        var attempts = Enumerable.Range(0, 20).Select(i => new PekkoRegistration(Wheel, new Uri($"csw://contender{i}/user/wheel"))).ToList();

        var outcomes = await Task.WhenAll(attempts.Select(r => Task.Run(async () =>
        {
            try
            {
                return (await Service.RegisterAsync(r)).Location;
            }
            catch (OtherLocationIsRegisteredException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, await Service.FindAsync(Wheel));
    }

    [Fact]
    public async Task UnregisterAsync_Registered_RemovesIt()
    {
        await Service.RegisterAsync(WheelHere);

        await Service.UnregisterAsync(Wheel);

        Assert.Null(await Service.FindAsync(Wheel));
        Assert.Empty(await Service.ListAsync());
    }

    [Fact]
    public async Task UnregisterAsync_NotRegistered_DoesNothing()
    {
        await Service.RegisterAsync(WheelHere);

        await Service.UnregisterAsync(new HttpConnection(WheelId));

        Assert.Equal([WheelHereLocation], await Service.ListAsync());
    }

    [Fact]
    public async Task UnregisterAllAsync_SeveralRegistered_RemovesAllAndTellsTrackers()
    {
        await Service.RegisterAsync(WheelHere);
        await Service.RegisterAsync(PekkoAt("TCS.other"));
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = StartTracking(Service, Wheel, stop.Token);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await NextAsync(changes));

        await Service.UnregisterAllAsync();

        Assert.Empty(await Service.ListAsync());
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
    }

    [Fact]
    public async Task RegistrationResult_UnregisterAsync_RemovesTheLocation()
    {
        var result = await Service.RegisterAsync(WheelHere);

        await result.UnregisterAsync();

        Assert.Null(await Service.FindAsync(Wheel));
    }

    [Fact]
    public async Task RegistrationResult_DisposeAsync_RemovesTheLocation()
    {
        await using (await Service.RegisterAsync(WheelHere))
        {
            Assert.NotNull(await Service.FindAsync(Wheel));
        }

        Assert.Null(await Service.FindAsync(Wheel));
    }

    [Fact]
    public async Task RegistrationResult_UnregisterAsyncAfterConnectionRegisteredElsewhere_LeavesTheNewLocation()
    {
        var stale = await Service.RegisterAsync(WheelHere);
        await Service.UnregisterAsync(Wheel);
        await Service.RegisterAsync(WheelElsewhere);

        await stale.UnregisterAsync();

        Assert.Equal(WheelElsewhereLocation, await Service.FindAsync(Wheel));
    }

    [Fact]
    public async Task FindAsync_NotRegistered_ReturnsNull()
    {
        await Service.RegisterAsync(WheelHere);

        Assert.Null(await Service.FindAsync(new HttpConnection(WheelId)));
        Assert.Null(await Service.FindAsync(new PekkoConnection(new ComponentId(WheelId.Prefix, ComponentType.Assembly))));
    }

    [Fact]
    public async Task ResolveAsync_AlreadyRegistered_ReturnsIt()
    {
        await Service.RegisterAsync(WheelHere);

        Assert.Equal(WheelHereLocation, await Service.ResolveAsync(Wheel, TestTime.DefaultTimeout));
    }

    [Fact]
    public async Task ResolveAsync_RegisteredWhileWaiting_ReturnsIt()
    {
        var resolving = Service.ResolveAsync(Wheel, TestTime.DefaultTimeout);
        Assert.False(resolving.IsCompleted);

        await Service.RegisterAsync(WheelHere);

        Assert.Equal(WheelHereLocation, await resolving.WaitAsync(TestTime.DefaultTimeout));
    }

    [Fact]
    public async Task ResolveAsync_NeverRegistered_ReturnsNullAfterWithin()
    {
        Assert.Null(await Service.ResolveAsync(Wheel, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task ResolveAsync_ZeroWithin_AnswersAtOnce()
    {
        Assert.Null(await Service.ResolveAsync(Wheel, TimeSpan.Zero));
        await Service.RegisterAsync(WheelHere);
        Assert.Equal(WheelHereLocation, await Service.ResolveAsync(Wheel, TimeSpan.Zero));
    }

    [Fact]
    public async Task ResolveAsync_InfiniteWithin_WaitsForTheRegistration()
    {
        var resolving = Service.ResolveAsync(Wheel, Timeout.InfiniteTimeSpan);

        await Service.RegisterAsync(WheelHere);

        Assert.Equal(WheelHereLocation, await resolving.WaitAsync(TestTime.DefaultTimeout));
    }

    [Fact]
    public async Task ResolveAsync_NegativeWithin_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Service.ResolveAsync(Wheel, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task ResolveAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var resolving = Service.ResolveAsync(Wheel, TestTime.DefaultTimeout, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolving.WaitAsync(TestTime.DefaultTimeout));
    }

    [Fact]
    public async Task ListAsync_NothingRegistered_ReturnsEmpty()
    {
        Assert.Empty(await Service.ListAsync());
    }

    [Fact]
    public async Task ListAsync_ByComponentType_ReturnsOnlyThatType()
    {
        var hcd = await Service.RegisterAsync(PekkoAt("TCS.hcd"));
        var assembly = await Service.RegisterAsync(PekkoAt("TCS.assembly", ComponentType.Assembly));

        Assert.Equal([hcd.Location], await Service.ListAsync(ComponentType.HCD));
        Assert.Equal([assembly.Location], await Service.ListAsync(ComponentType.Assembly));
        Assert.Empty(await Service.ListAsync(ComponentType.Container));
    }

    [Fact]
    public async Task ListAsync_ByConnectionType_ReturnsOnlyThatType()
    {
        var pekko = await Service.RegisterAsync(PekkoAt("TCS.hcd"));
        var http = await Service.RegisterAsync(HttpAt("TCS.hcd", 8080));

        Assert.Equal([pekko.Location], await Service.ListAsync(ConnectionType.Pekko));
        Assert.Equal([http.Location], await Service.ListAsync(ConnectionType.Http));
        Assert.Empty(await Service.ListAsync(ConnectionType.Tcp));
    }

    [Fact]
    public async Task ListByHostnameAsync_HostOfHttpLocation_ReturnsLocationsOnThatHost()
    {
        var http = await Service.RegisterAsync(HttpAt("TCS.hcd", 8080));
        var tcp = await Service.RegisterAsync(new TcpRegistration(new TcpConnection(WheelId), 9000));
        await Service.RegisterAsync(WheelHere);

        var onHost = await Service.ListByHostnameAsync(http.Location.Uri.Host);

        Assert.Equal(new HashSet<Location> { http.Location, tcp.Location }, onHost.ToHashSet());
        Assert.Empty(await Service.ListByHostnameAsync("no-such-host.example"));
    }

    [Fact]
    public async Task ListByPrefixAsync_StartOfPrefix_MatchesAsAPlainStringStart()
    {
        var wheel = await Service.RegisterAsync(PekkoAt("TCS.filter.wheel"));
        var filters = await Service.RegisterAsync(PekkoAt("TCS.filters"));
        var other = await Service.RegisterAsync(PekkoAt("TCS.mount"));
        await Service.RegisterAsync(PekkoAt("WFOS.filter"));

        Assert.Equal(new HashSet<Location> { wheel.Location, filters.Location }, (await Service.ListByPrefixAsync("TCS.filter")).ToHashSet());
        Assert.Equal(new HashSet<Location> { wheel.Location, filters.Location, other.Location }, (await Service.ListByPrefixAsync("TCS")).ToHashSet());
        Assert.Equal([wheel.Location], await Service.ListByPrefixAsync("TCS.filter.wheel"));
        Assert.Empty(await Service.ListByPrefixAsync("IRIS"));
    }
}
