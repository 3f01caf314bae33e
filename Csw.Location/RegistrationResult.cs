namespace Csw.Location;

/// <summary>
/// What <see cref="ILocationService.RegisterAsync"/> returns: the location registered, and a way to
/// unregister it. Disposing it unregisters too, so <c>await using</c> scopes a registration.
/// </summary>
public sealed class RegistrationResult : IAsyncDisposable
{
    /// <summary>Unregisters the location; called at most once.</summary>
    private readonly Func<CancellationToken, Task> _unregister;

    /// <summary>The first unregistration, shared by later calls; null until then.</summary>
    private Task? _unregistered;

    /// <summary>A result for <paramref name="location"/> whose unregistration calls <paramref name="unregister"/> (once).</summary>
    /// <param name="location">The location registered.</param>
    /// <param name="unregister">Unregisters it.</param>
    public RegistrationResult(Location location, Func<CancellationToken, Task> unregister)
    {
        Location = location ?? throw new ArgumentNullException(nameof(location));
        _unregister = unregister ?? throw new ArgumentNullException(nameof(unregister));
    }

    /// <summary>The location registered.</summary>
    public Location Location { get; }

    /// <summary>
    /// Unregisters the location, unless its connection has been registered at another location since.
    /// Calling it again returns the first call's task.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call (if it is the first).</param>
    public Task UnregisterAsync(CancellationToken cancellationToken = default)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Interlocked.CompareExchange(ref _unregistered, mine.Task, null);
        if (first is not null)
        {
            return first;
        }
        _ = RunAsync(mine, cancellationToken);
        return mine.Task;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(UnregisterAsync());

    /// <summary>The location, e.g. <c>PekkoLocation { ... }</c>.</summary>
    public override string ToString() => Location.ToString();

    private async Task RunAsync(TaskCompletionSource done, CancellationToken cancellationToken)
    {
        try
        {
            await _unregister(cancellationToken).ConfigureAwait(false);
            done.TrySetResult();
        }
        catch (OperationCanceledException e)
        {
            done.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            done.TrySetException(e);
        }
    }
}
