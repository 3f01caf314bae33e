using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Cluster;

/// <summary>
/// The location service kept in the Akka cluster: registrations are entries of a replicated
/// (Distributed Data) map, each owned by the member that made it. Changes go through the store's
/// registrar (a cluster singleton), reads ask a majority of members, and tracking follows the
/// registrar's changes (<see cref="TrackingActor"/>).
/// </summary>
internal sealed class ClusterLocationService : LocationServiceBase, IAsyncDisposable
{
    private readonly ClusterLocationOptions _options;

    private readonly IActorRef _replicator;

    private readonly LWWDictionaryKey<string, ClusterRegistration> _key;

    /// <summary>The store's registrar, wherever it runs (a singleton proxy).</summary>
    private readonly IActorRef _registrar;

    /// <summary>This instance's trackers' feed.</summary>
    private readonly IActorRef _tracking;

    /// <summary>This member, the owner of what this instance registers.</summary>
    private readonly UniqueAddress _self;

    private readonly Akka.Cluster.Cluster _cluster;

    /// <summary>What this instance registered and has not unregistered, to unregister on disposal; guarded by itself.</summary>
    private readonly Dictionary<Connection, Location> _own = [];

    /// <summary>Completed once this instance's tracking follows the registrar.</summary>
    private readonly TaskCompletionSource _following = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance's trackers hear every change (its tracking follows the registrar).</summary>
    public Task Following => _following.Task;

    /// <summary>1 once disposed.</summary>
    private int _disposed;

    public ClusterLocationService(ActorSystem system, ClusterLocationOptions options)
        : base(options.Service.LoggerFactory, "Csw.Location.Cluster")
    {
        _options = options;
        var stores = ClusterStores.Get(system);
        _cluster = Akka.Cluster.Cluster.Get(system);
        _self = _cluster.SelfUniqueAddress;
        _replicator = stores.Replicator;
        _key = ClusterStores.KeyOf(options.StoreName);
        _registrar = stores.RegistrarOf(options.StoreName, MajorityTimeout);
        _tracking = system.ActorOf(TrackingActor.Props(_registrar, _following));
    }

    private TimeSpan MajorityTimeout => _options.MajorityTimeout;

    /// <summary>
    /// True once this member has left the cluster or was downed: the cluster has then removed its
    /// registrations itself, and there is no registrar left to ask.
    /// </summary>
    private bool Removed => _cluster.IsTerminated;

    public override async Task<RegistrationResult> RegisterAsync(Registration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var location = registration.ToLocation(_options.Service.HostnameFor(registration));
        var answer = await AskRegistrarAsync(new Register(ClusterRegistration.Of(location, _self)), cancellationToken,
            e => new RegistrationFailedException($"Could not register {location.Connection.Name}: {e.Message}", e)).ConfigureAwait(false);
        switch (answer)
        {
            case Registered:
                lock (_own)
                {
                    _own[location.Connection] = location;
                }
                return new RegistrationResult(location, ct => UnregisterIfStillAsync(location, ct));
            case Refused refused:
                throw new OtherLocationIsRegisteredException(location, refused.Other);
            default:
                throw new RegistrationFailedException($"Could not register {location.Connection.Name}: {((Failed)answer).Reason}");
        }
    }

    public override async Task UnregisterAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_own)
        {
            _own.Remove(connection);
        }
        if (Removed)
        {
            return;
        }
        var answer = await AskRegistrarAsync(new Unregister(connection.Name, null), cancellationToken, e => new UnregistrationFailedException(connection, e)).ConfigureAwait(false);
        if (answer is Failed failed)
        {
            throw new UnregistrationFailedException(connection, new ClusterUnavailableException(failed.Reason));
        }
    }

    public override async Task UnregisterAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_own)
        {
            _own.Clear();
        }
        if (Removed)
        {
            return;
        }
        var answer = await AskRegistrarAsync(UnregisterAll.Instance, cancellationToken, e => new ClusterUnavailableException($"Could not unregister everything: {e.Message}", e)).ConfigureAwait(false);
        if (answer is Failed failed)
        {
            throw new ClusterUnavailableException($"Could not unregister everything: {failed.Reason}");
        }
    }

    public override async Task<Location?> FindAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var map = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return map.TryGetValue(connection.Name, out var entry) ? entry.Location : null;
    }

    protected override async Task<Location?> ResolveCheckedAsync(Connection connection, TimeSpan within, CancellationToken cancellationToken)
    {
        if (within == TimeSpan.Zero)
        {
            return await FindAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        // The tracking's first event is the current location, read from a majority: no separate find.
        return await Tracker.FirstLocationAsync(token => Track(connection, token), within, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends this instance's trackers and unregisters what it registered, so that others hear at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _tracking.Tell(PoisonPill.Instance);
        List<Location> own;
        lock (_own)
        {
            own = [.. _own.Values];
            _own.Clear();
        }
        foreach (var location in own.Where(_ => !Removed))
        {
            try
            {
                await _registrar.Ask<IClusterLocationMessage>(new Unregister(location.Connection.Name, location), _options.RequestTimeout).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
            {
                // The member is leaving or cut off: its registrations go when it leaves or is downed.
                Log.LogWarning("{Connection} was not unregistered on disposal: {Reason}", location.Connection.Name, e.Message);
            }
        }
    }

    protected override Tracker StartTracking(Connection connection)
    {
        var tracker = new Tracker(connection, _options.Service.TrackerBufferSize);
        if (Volatile.Read(ref _disposed) != 0)
        {
            tracker.Complete();
            return tracker;
        }
        _tracking.Tell(new TrackingActor.StartTracking(tracker));
        return tracker;
    }

    protected override void StopTracking(Tracker tracker) => _tracking.Tell(new TrackingActor.StopTracking(tracker));

    private async Task UnregisterIfStillAsync(Location location, CancellationToken cancellationToken)
    {
        lock (_own)
        {
            if (_own.TryGetValue(location.Connection, out var mine) && mine == location)
            {
                _own.Remove(location.Connection);
            }
        }
        if (Removed)
        {
            return;
        }
        var answer = await AskRegistrarAsync(new Unregister(location.Connection.Name, location), cancellationToken, e => new UnregistrationFailedException(location.Connection, e)).ConfigureAwait(false);
        if (answer is Failed failed)
        {
            throw new UnregistrationFailedException(location.Connection, new ClusterUnavailableException(failed.Reason));
        }
    }

    protected override async Task<IReadOnlyList<Location>> ListWhereAsync(Func<Location, bool> wanted, CancellationToken cancellationToken)
    {
        LWWDictionary<string, ClusterRegistration> map;
        try
        {
            map = await ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterUnavailableException e)
        {
            throw new RegistrationListingFailedException(e);
        }
        return [.. map.Values.Select(entry => entry.Location).Where(wanted)];
    }

    /// <summary>
    /// The map as a majority of members hold it, so that a change acknowledged anywhere is seen.
    /// When no majority can answer (a member of two crashed and is not downed yet, or this member is
    /// cut off), this member's replica answers instead: a find should not fail for seconds because
    /// someone else died.
    /// </summary>
    private async Task<LWWDictionary<string, ClusterRegistration>> ReadAsync(CancellationToken cancellationToken)
    {
        var answer = await GetAsync(ClusterMembership.MajorityReachable(_cluster) ? new ReadMajority(MajorityTimeout) : ReadLocal.Instance, cancellationToken).ConfigureAwait(false);
        if (answer is GetFailure)
        {
            Log.LogWarning("A majority of the cluster's members did not answer a read within {Timeout} s; this member's replica answers", MajorityTimeout.TotalSeconds);
            answer = await GetAsync(ReadLocal.Instance, cancellationToken).ConfigureAwait(false);
        }
        return answer switch
        {
            GetSuccess success => success.Get(_key),
            NotFound => LWWDictionary<string, ClusterRegistration>.Empty,
            _ => throw new ClusterUnavailableException($"This member's replicator could not read the registrations: {answer}."),
        };
    }

    private async Task<IGetResponse> GetAsync(IReadConsistency consistency, CancellationToken cancellationToken)
    {
        try
        {
            return await _replicator.Ask<IGetResponse>(Dsl.Get(_key, consistency), _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new ClusterUnavailableException($"This member's replicator did not answer within {_options.RequestTimeout.TotalSeconds} s.", e);
        }
    }

    private async Task<IClusterLocationMessage> AskRegistrarAsync(IClusterLocationMessage request, CancellationToken cancellationToken, Func<Exception, Exception> failure)
    {
        try
        {
            return await _registrar.Ask<IClusterLocationMessage>(request, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw failure(new ClusterUnavailableException($"The location registrar did not answer within {_options.RequestTimeout.TotalSeconds} s (is this member up in the cluster?).", e));
        }
    }
}
