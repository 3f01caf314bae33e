using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// The one lease under which a service instance's registrations live. It is kept alive every
/// third of its TTL; when etcd says it is gone (the process was cut off for longer than the TTL,
/// or etcd lost it), a new one is granted and <see cref="Renewed"/> lets the owner put its
/// registrations back.
/// </summary>
internal sealed class EtcdLease : IAsyncDisposable
{
    private readonly EtcdGateway _gateway;

    private readonly TimeSpan _ttl;

    private readonly ILogger _log;

    private readonly SemaphoreSlim _granting = new(1, 1);

    private readonly CancellationTokenSource _stop = new();

    /// <summary>Cancelled when the lease is disposed or abandoned; usable after <see cref="_stop"/> is disposed.</summary>
    private readonly CancellationToken _lifetime;

    private Task? _keeping;

    /// <summary>The lease's id, 0 until the first grant.</summary>
    private long _id;

    /// <summary>How many keep-alives etcd has answered with the lease alive.</summary>
    private int _keptAlive;

    /// <summary>1 while the owner's registrations may not all be back under a renewed lease.</summary>
    private int _putBackPending;

    public EtcdLease(EtcdGateway gateway, TimeSpan ttl, ILogger log)
    {
        _gateway = gateway;
        _ttl = ttl;
        _log = log;
        _lifetime = _stop.Token;
    }

    /// <summary>Called with the new lease id after the old one was lost, and a token cancelled when the lease is disposed.</summary>
    public Func<long, CancellationToken, Task>? Renewed { get; set; }

    /// <summary>Stops keeping the lease alive without revoking it, as a crash would; for tests.</summary>
    internal bool Abandoned { get; private set; }

    /// <summary>How many keep-alives etcd has answered with the lease alive; tests wait on it.</summary>
    internal int KeptAlive => Volatile.Read(ref _keptAlive);

    /// <summary>The lease id, granting the lease (and starting its keep-alive) on first use.</summary>
    public async Task<long> IdAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _id) is var id and not 0)
        {
            return id;
        }
        await _granting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_id == 0)
            {
                _id = await GrantAsync(cancellationToken).ConfigureAwait(false);
                _keeping = KeepAliveAsync(_stop.Token);
            }
            return _id;
        }
        finally
        {
            _granting.Release();
        }
    }

    /// <summary>Stops the keep-alive without revoking, so the registrations expire as if the process had died.</summary>
    internal async Task AbandonAsync()
    {
        Abandoned = true;
        await _stop.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>Revokes the lease: every registration under it is deleted at once.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_keeping is not null)
        {
            await _keeping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        if (_id != 0 && !Abandoned)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _gateway.PostAsync("/v3/lease/revoke", new { ID = _id.ToString(CultureInfo.InvariantCulture) }, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is LocationServiceException or OperationCanceledException)
            {
                _log.LogWarning("Could not revoke the location lease ({Reason}); its registrations expire within {Ttl}", e.Message, _ttl);
            }
        }
        _stop.Dispose();
    }

    private async Task<long> GrantAsync(CancellationToken cancellationToken)
    {
        var granted = await _gateway.PostAsync("/v3/lease/grant", new { TTL = (long)Math.Ceiling(_ttl.TotalSeconds) }, cancellationToken).ConfigureAwait(false);
        return long.Parse(granted.GetProperty("ID").GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Replaces the lease <paramref name="lost"/> that etcd no longer knows with a new one and lets
    /// the owner put its registrations back; does nothing if it was replaced already.
    /// </summary>
    /// <returns>The current lease id.</returns>
    public async Task<long> RenewAsync(long lost, CancellationToken cancellationToken)
    {
        long renewed;
        await _granting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_id != lost)
            {
                return _id;
            }
            _id = renewed = await GrantAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _granting.Release();
        }
        _log.LogWarning("The location lease {Lost} was gone; registrations are put back under lease {Lease}", lost, renewed);
        Volatile.Write(ref _putBackPending, 1);
        await TryPutBackAsync(renewed).ConfigureAwait(false);
        return renewed;
    }

    /// <summary>Lets the owner put its registrations back under lease <paramref name="id"/>; if that fails, the next keep-alive tries again.</summary>
    private async Task TryPutBackAsync(long id)
    {
        if (Renewed is not { } putBack)
        {
            return;
        }
        try
        {
            // The lease's lifetime, not a caller's: one caller giving up must not leave the others' registrations out.
            await putBack(id, _lifetime).ConfigureAwait(false);
            Volatile.Write(ref _putBackPending, 0);
        }
        catch (Exception e) when (e is LocationServiceException || (e is OperationCanceledException && !_lifetime.IsCancellationRequested))
        {
            _log.LogWarning("Not every registration is back under lease {Lease} ({Reason}); trying again after the next keep-alive", id, e.Message);
        }
    }

    private async Task KeepAliveAsync(CancellationToken stop)
    {
        var period = _ttl / 3;
        // A member that hangs must not hold the lease's renewal for longer than its TTL allows:
        // give each member at most a period, at least a second.
        var timeout = TimeSpan.FromTicks(Math.Max(period.Ticks, TimeSpan.TicksPerSecond));
        using var timer = new PeriodicTimer(period);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var id = Volatile.Read(ref _id);
            try
            {
                var answer = await _gateway.PostAsync("/v3/lease/keepalive", new { ID = id.ToString(CultureInfo.InvariantCulture) }, stop, timeout).ConfigureAwait(false);
                // An expired or unknown lease comes back without a TTL.
                var alive = answer.TryGetProperty("result", out var result) && result.TryGetProperty("TTL", out var ttl) && ttl.GetString() is not (null or "0");
                if (alive)
                {
                    Interlocked.Increment(ref _keptAlive);
                    if (Volatile.Read(ref _putBackPending) != 0)
                    {
                        await TryPutBackAsync(id).ConfigureAwait(false);
                    }
                }
                else
                {
                    await RenewAsync(id, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Keep trying: the lease is worth keeping as long as etcd may still hold it.
                _log.LogWarning("Keeping the location lease {Lease} alive failed ({Reason}); trying again in {Period}", id, e.Message, period);
            }
        }
    }
}
