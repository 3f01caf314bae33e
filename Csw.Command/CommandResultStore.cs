using Csw.Params;

namespace Csw.Command;

/// <summary>
/// The async command pattern's result store: a caller submits, gets <see cref="Started"/> (the
/// acknowledgement), hands the command to the store and moves on; later it asks
/// <see cref="GetCommandResult"/> without waiting — null while the command runs, the final
/// response once it has one. Results arrive by push (a QueryFinal per tracked command), never by
/// polling. Thread-safe.
/// </summary>
/// <remarks>
/// Each (component, runId) gets at most one result: the first final response (or the failure to
/// get one, as an <see cref="Error"/>) is kept and later ones ignored. Memory is bounded: beyond
/// <see cref="Capacity"/> finished results, the oldest finished one is forgotten; commands still
/// running are never forgotten.
/// </remarks>
public sealed class CommandResultStore
{
    /// <summary>Results and pending commands by key; guarded by itself.</summary>
    private readonly Dictionary<(string Component, Id RunId), ISubmitResponse?> _results = [];

    /// <summary>Finished keys, oldest first, for eviction; guarded by <see cref="_results"/>.</summary>
    private readonly Queue<(string Component, Id RunId)> _finished = new();

    /// <summary>Creates a store.</summary>
    /// <param name="capacity">How many finished results are kept, at least 1; 1000 by default.</param>
    public CommandResultStore(int capacity = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>How many finished results are kept.</summary>
    public int Capacity { get; }

    /// <summary>
    /// Tracks a submitted command by its first response: a final one is stored at once; for
    /// <see cref="Started"/> the store waits for the final response in the background.
    /// </summary>
    /// <param name="component">The component's name (e.g. its prefix); with the runId, the key.</param>
    /// <param name="service">The component's command service.</param>
    /// <param name="firstResponse">What <see cref="ICommandService.SubmitAsync"/> answered.</param>
    /// <param name="timeout">How long to wait for the final response; the service's default when null.</param>
    public void Track(string component, ICommandService service, ISubmitResponse firstResponse, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(component);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(firstResponse);
        var key = (component, firstResponse.RunId);
        lock (_results)
        {
            if (!_results.TryAdd(key, null))
            {
                return;
            }
        }
        if (firstResponse.IsFinal)
        {
            Store(key, firstResponse);
            return;
        }
        _ = WaitForFinalAsync(key, service, timeout);
    }

    /// <summary>The command's final response; null while it runs, or if the store does not know it.</summary>
    /// <param name="component">The component's name, as given to <see cref="Track"/>.</param>
    /// <param name="runId">The command's runId.</param>
    public ISubmitResponse? GetCommandResult(string component, Id runId)
    {
        lock (_results)
        {
            return _results.GetValueOrDefault((component, runId));
        }
    }

    /// <summary>Whether the store knows the command (running or finished and not yet forgotten).</summary>
    /// <param name="component">The component's name.</param>
    /// <param name="runId">The command's runId.</param>
    public bool Knows(string component, Id runId)
    {
        lock (_results)
        {
            return _results.ContainsKey((component, runId));
        }
    }

    private async Task WaitForFinalAsync((string Component, Id RunId) key, ICommandService service, TimeSpan? timeout)
    {
        ISubmitResponse final;
        try
        {
            final = await service.QueryFinalAsync(key.RunId, timeout).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            final = new Error(key.RunId, $"No final response from {key.Component}: {e.Message}");
        }
        Store(key, final);
    }

    private void Store((string Component, Id RunId) key, ISubmitResponse final)
    {
        lock (_results)
        {
            if (!_results.TryGetValue(key, out var existing) || existing is not null)
            {
                return;
            }
            _results[key] = final;
            _finished.Enqueue(key);
            while (_finished.Count > Capacity)
            {
                _results.Remove(_finished.Dequeue());
            }
        }
    }
}
