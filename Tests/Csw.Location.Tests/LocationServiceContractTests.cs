using Csw.Params;
using Csw.TestKit;

namespace Csw.Location.Tests;

/// <summary>
/// What every location service must do. Each backend runs this suite through a subclass that
/// makes a service over an empty store (the embedded one now; etcd and the HTTP client later).
/// </summary>
public abstract class LocationServiceContractTests : IAsyncLifetime
{
    protected static readonly ComponentId WheelId = new(Prefix.Parse("TCS.filter.wheel"), ComponentType.HCD);
    protected static readonly PekkoConnection Wheel = new(WheelId);
    protected static readonly PekkoRegistration WheelHere = new(Wheel, new Uri("csw://here/user/wheel?uid=1"), Metadata.Empty.Add("key1", "value"));
    protected static readonly PekkoRegistration WheelElsewhere = new(Wheel, new Uri("csw://elsewhere/user/wheel?uid=2"));
    protected static readonly PekkoLocation WheelHereLocation = new(Wheel, WheelHere.ActorRefUri, WheelHere.Metadata);
    protected static readonly PekkoLocation WheelElsewhereLocation = new(Wheel, WheelElsewhere.ActorRefUri);

    private ILocationService? _service;

    /// <summary>The service under test, made fresh for each test.</summary>
    protected ILocationService Service => _service ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Makes a service over an empty store.</summary>
    protected abstract Task<ILocationService> CreateServiceAsync();

    /// <summary>Releases what <see cref="CreateServiceAsync"/> made; by default disposes the service if it is disposable.</summary>
    protected virtual async Task DisposeServiceAsync(ILocationService service)
    {
        switch (service)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public async Task InitializeAsync() => _service = await CreateServiceAsync();

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await DisposeServiceAsync(_service);
        }
    }

    protected static PekkoRegistration PekkoAt(string prefix, ComponentType type = ComponentType.HCD) =>
        new(new PekkoConnection(new ComponentId(Prefix.Parse(prefix), type)), new Uri($"csw://test/user/{prefix}"));

    protected static HttpRegistration HttpAt(string prefix, int port, ComponentType type = ComponentType.HCD) =>
        new(new HttpConnection(new ComponentId(Prefix.Parse(prefix), type)), port, "command");

    protected static IAsyncEnumerator<TrackingEvent> StartTracking(ILocationService service, Connection connection, CancellationToken cancellationToken) =>
        service.Track(connection, cancellationToken).GetAsyncEnumerator(cancellationToken);

    protected static async Task<TrackingEvent> NextAsync(IAsyncEnumerator<TrackingEvent> changes)
    {
        var next = changes.MoveNextAsync().AsTask();
        Assert.True(await next.WaitAsync(TestTime.DefaultTimeout), "the tracking stream ended");
        return changes.Current;
    }

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

    [Fact]
    public async Task Track_Registered_CurrentLocationFirstThenChanges()
    {
        await Service.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = StartTracking(Service, Wheel, stop.Token);

        Assert.Equal(new LocationUpdated(WheelHereLocation), await NextAsync(changes));
        await Service.UnregisterAsync(Wheel);
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
        await Service.RegisterAsync(WheelElsewhere);
        Assert.Equal(new LocationUpdated(WheelElsewhereLocation), await NextAsync(changes));
    }

    [Fact]
    public async Task Track_NotRegistered_FirstEventIsTheLaterRegistration()
    {
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = StartTracking(Service, Wheel, stop.Token);
        var first = NextAsync(changes);

        await Service.RegisterAsync(PekkoAt("TCS.other"));
        await Service.RegisterAsync(WheelHere);

        Assert.Equal(new LocationUpdated(WheelHereLocation), await first);
    }

    [Fact]
    public async Task Track_SameLocationRegisteredAgain_NoSecondEvent()
    {
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var changes = StartTracking(Service, Wheel, stop.Token);
        var first = NextAsync(changes);
        await Service.RegisterAsync(WheelHere);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await first);

        await Service.RegisterAsync(WheelHere);
        await Service.UnregisterAsync(Wheel);

        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(changes));
    }

    [Fact]
    public async Task Track_TwoTrackers_BothSeeEveryChange()
    {
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var one = StartTracking(Service, Wheel, stop.Token);
        await using var two = StartTracking(Service, Wheel, stop.Token);
        var firstOfOne = NextAsync(one);
        var firstOfTwo = NextAsync(two);

        await Service.RegisterAsync(WheelHere);
        await Service.UnregisterAsync(Wheel);

        Assert.Equal(new LocationUpdated(WheelHereLocation), await firstOfOne);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await firstOfTwo);
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(one));
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(two));
    }

    [Fact]
    public async Task Track_Cancelled_StreamEnds()
    {
        await Service.RegisterAsync(WheelHere);
        using var stop = new CancellationTokenSource();
        await using var changes = StartTracking(Service, Wheel, stop.Token);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await NextAsync(changes));
        var next = changes.MoveNextAsync().AsTask();

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(TestTime.DefaultTimeout));
    }

    [Fact]
    public async Task Subscribe_Registered_CallbackGetsCurrentLocationThenChanges()
    {
        await Service.RegisterAsync(WheelHere);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<TrackingEvent>();
        using var subscription = Service.Subscribe(Wheel, seen.Enqueue);
        await TestWaits.AwaitAssertAsync(() => Assert.Equal([new LocationUpdated(WheelHereLocation)], seen));

        await Service.UnregisterAsync(Wheel);

        await TestWaits.AwaitAssertAsync(() => Assert.Equal([new LocationUpdated(WheelHereLocation), new LocationRemoved(Wheel)], seen));
    }

    [Fact]
    public async Task Subscribe_Disposed_NoMoreCallbacks()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<TrackingEvent>();
        var subscription = Service.Subscribe(Wheel, seen.Enqueue);
        await Service.RegisterAsync(WheelHere);
        await TestWaits.AwaitAssertAsync(() => Assert.Single(seen));

        subscription.Dispose();
        using var stop = new CancellationTokenSource(TestTime.DefaultTimeout);
        await using var witness = StartTracking(Service, Wheel, stop.Token);
        Assert.Equal(new LocationUpdated(WheelHereLocation), await NextAsync(witness));
        await Service.UnregisterAsync(Wheel);
        Assert.Equal(new LocationRemoved(Wheel), await NextAsync(witness));

        Assert.Equal([new LocationUpdated(WheelHereLocation)], seen);
    }
}
