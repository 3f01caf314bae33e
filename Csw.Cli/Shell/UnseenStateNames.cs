using System.Collections.Concurrent;
using Csw.Params;

namespace Csw.Cli.Shell;

/// <summary>
/// Warns when a <c>Subscribe</c> names states that do not arrive. A misspelt name is otherwise
/// silent: the subscription simply prints nothing. For a while after subscribing, every state the
/// component publishes is noted; then each requested name not seen gets a warning that lists the
/// names that were, with the nearest first.
/// </summary>
internal sealed class UnseenStateNames(IReadOnlyList<string> names)
{
    /// <summary>Every state name seen so far; written by subscription callbacks, read when the time is up.</summary>
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <summary>Notes a state that arrived.</summary>
    public void Saw(StateName name) => _seen.TryAdd(name.Name, 0);

    /// <summary>
    /// Watches every state through <paramref name="subscribeAll"/> for <paramref name="delay"/>,
    /// then warns about the requested names that did not arrive. Never throws: cancelled, it ends quietly.
    /// </summary>
    /// <param name="subscribeAll">Subscribes to every state of the component, calling back for each.</param>
    /// <param name="delay">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> never warns.</param>
    /// <param name="time">The clock.</param>
    /// <param name="warn">Prints a warning.</param>
    /// <param name="cancellationToken">Stops watching (the subscription ended).</param>
    public async Task WatchAsync(Func<Action<CurrentState>, IAsyncDisposable> subscribeAll, TimeSpan delay, TimeProvider time, Action<string> warn, CancellationToken cancellationToken)
    {
        if (delay == Timeout.InfiniteTimeSpan)
        {
            return;
        }
        var all = subscribeAll(state => Saw(state.StateName));
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            await all.DisposeAsync();
        }
        if (Warning(delay) is { } warning)
        {
            warn(warning);
        }
    }

    /// <summary>What to say about the names not seen after <paramref name="delay"/>; null when all were.</summary>
    public string? Warning(TimeSpan delay)
    {
        var missing = names.Where(name => !_seen.ContainsKey(name)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        var seen = _seen.Keys.Order(StringComparer.Ordinal).ToList();
        var what = $"(Subscribe: no CurrentState {string.Join(", ", missing.Select(n => $"'{n}'"))} in {delay.TotalSeconds:0.###} s";
        if (seen.Count == 0)
        {
            return $"{what}, nor any other: check the name{(missing.Count > 1 ? "s" : "")}, unless the component publishes only when something changes.)";
        }
        var meant = missing.SelectMany(name => Params.Spelling.Nearest(name, seen)).Distinct().ToList();
        var hint = meant.Count > 0 ? $" Did you mean {string.Join(" or ", meant.Select(n => $"'{n}'"))}?" : "";
        return $"{what}; it published {string.Join(", ", seen)}.{hint})";
    }
}
