using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// What one service instance registered, so that it can put its registrations back under a new
/// lease when etcd lost the old one. Thread-safe.
/// </summary>
internal sealed class EtcdOwnRegistrations(EtcdRegistry registry, ILogger log)
{
    /// <summary>The locations registered through this instance and not unregistered since; guarded by <see cref="_gate"/>.</summary>
    private readonly Dictionary<Connection, Location> _own = [];

    private readonly Lock _gate = new();

    /// <summary>Owns <paramref name="location"/> from now on; returns what was owned for its connection before.</summary>
    public Location? Add(Location location)
    {
        lock (_gate)
        {
            _own.Remove(location.Connection, out var before);
            _own[location.Connection] = location;
            return before;
        }
    }

    /// <summary>A registration of <paramref name="location"/> failed: owns <paramref name="before"/> again (if any).</summary>
    public void Undo(Location location, Location? before)
    {
        lock (_gate)
        {
            if (RemoveIfOwned(location) && before is not null)
            {
                _own[location.Connection] = before;
            }
        }
    }

    public void Remove(Connection connection)
    {
        lock (_gate)
        {
            _own.Remove(connection);
        }
    }

    /// <summary>Stops owning the connection if it is still owned at <paramref name="location"/>.</summary>
    public void Remove(Location location)
    {
        lock (_gate)
        {
            RemoveIfOwned(location);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _own.Clear();
        }
    }

    /// <summary>
    /// Puts every owned registration back under <paramref name="lease"/>. Throws when some could not
    /// be (etcd failing meanwhile), so that the lease tries again later.
    /// </summary>
    public async Task RestoreAsync(long lease, CancellationToken cancellationToken)
    {
        List<Location> own;
        lock (_gate)
        {
            own = [.. _own.Values];
        }
        var failed = new List<string>();
        foreach (var location in own)
        {
            try
            {
                await registry.PutAsync(location, lease, cancellationToken).ConfigureAwait(false);
            }
            catch (OtherLocationIsRegisteredException e)
            {
                // Someone registered the connection while this instance's lease was gone: it is theirs now.
                log.LogError("{Connection} was not put back after the lease was lost: {Reason}", location.Connection.Name, e.Message);
                Remove(location);
            }
            catch (LocationServiceException e)
            {
                failed.Add($"{location.Connection.Name}: {e.Message}");
            }
        }
        if (failed.Count > 0)
        {
            throw new EtcdUnavailableException($"{failed.Count} of {own.Count} registrations could not be put back: {string.Join("; ", failed)}");
        }
    }

    private bool RemoveIfOwned(Location location) =>
        _own.TryGetValue(location.Connection, out var mine) && mine == location && _own.Remove(location.Connection);
}
