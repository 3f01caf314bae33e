using System.Diagnostics;
using Csw.Params;

namespace Csw.Command;

/// <summary>
/// The async command pattern's result store: a caller submits, gets <see cref="Started"/> (the
/// acknowledgement), hands the command to the store and moves on; later it asks
/// <see cref="GetCommandResult"/> without waiting — null while the command runs, the final
/// response once it has one. Results arrive by push (one QueryFinal per tracked command, started by
/// <see cref="Track"/>), never by polling. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// At most once: each (component, runId) gets one result, the first final response (or the failure
/// to get one, as an <see cref="Error"/>); tracking it again, or a later response, changes nothing.
/// This holds while the store remembers the command: a result it has forgotten can be tracked anew.
/// </para>
/// <para>
/// "Unknown" is never an outcome: when the component answers that it does not know the runId
/// (<see cref="Crm.UnknownCommandException"/>: it restarted without a journal, or forgot the command),
/// the store forgets the command too, so <see cref="Knows"/> turns false and
/// <see cref="GetCommandResult"/> stays null; nothing is recorded as its result.
/// </para>
/// <para>
/// Bounded: at most <see cref="Capacity"/> finished results are kept; when one more finishes, the
/// one that finished longest ago is forgotten (first finished, first out — whether anyone has read
/// it or not). Commands still running are never forgotten; each waits at most its timeout, after
/// which it finishes with an <see cref="Error"/>. A forgotten command looks like an unknown one:
/// <see cref="GetCommandResult"/> is null and <see cref="Knows"/> false, so a caller that sees
/// null should check <see cref="Knows"/> before assuming "still running".
/// </para>
/// </remarks>
public sealed class CommandResultStore
{
    /// <summary>Results by key; null while the command runs. Guarded by itself.</summary>
    private readonly Dictionary<(string Component, Id RunId), ISubmitResponse?> _results = [];

    /// <summary>Finished keys, in the order they finished, for eviction; guarded by <see cref="_results"/>.</summary>
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
    /// <see cref="Started"/> the store waits for the final response in the background. A command
    /// already known is left as it is.
    /// </summary>
    /// <param name="component">The component's name (e.g. its prefix); with the runId, the key.</param>
    /// <param name="service">The component's command service, asked once for the final response.</param>
    /// <param name="firstResponse">What <see cref="ICommandService.SubmitAsync"/> answered.</param>
    /// <param name="timeout">How long to wait for the final response; the service's default (<see cref="CommandServiceOptions.FinalTimeout"/>) when null.</param>
    public void Track(string component, ICommandService service, ISubmitResponse firstResponse, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(component);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(firstResponse);
        var key = (component, firstResponse.RunId);
        lock (_results)
        {
            if (_results.ContainsKey(key))
            {
                return;
            }
            if (firstResponse.IsFinal)
            {
                Record(key, firstResponse);
                return;
            }
            _results.Add(key, null);
        }
        _ = WaitForFinalAsync(key, service, timeout);
    }

    /// <summary>The command's final response; null while it runs, or if the store does not know it (see <see cref="Knows"/>).</summary>
    /// <param name="component">The component's name, as given to <see cref="Track"/>.</param>
    /// <param name="runId">The command's runId.</param>
    public ISubmitResponse? GetCommandResult(string component, Id runId)
    {
        lock (_results)
        {
            return _results.GetValueOrDefault((component, runId));
        }
    }

    /// <summary>Whether the store knows the command (running, or finished and not yet forgotten).</summary>
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
        catch (Crm.UnknownCommandException)
        {
            lock (_results)
            {
                if (_results.TryGetValue(key, out var existing) && existing is null)
                {
                    _results.Remove(key);
                }
            }
            return;
        }
        catch (Exception e)
        {
            final = new Error(key.RunId, $"No final response from {key.Component}: {e.Message}");
        }
        lock (_results)
        {
            // Only a running entry takes a result: the first one wins.
            if (_results.TryGetValue(key, out var existing) && existing is null)
            {
                Record(key, final);
            }
        }
    }

    /// <summary>Stores a final result and forgets the oldest beyond capacity; the caller holds the lock.</summary>
    private void Record((string Component, Id RunId) key, ISubmitResponse final)
    {
        _results[key] = final;
        _finished.Enqueue(key);
        while (_finished.Count > Capacity)
        {
            _results.Remove(_finished.Dequeue());
        }
        AssertInvariants();
    }

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_finished.Count <= Capacity, "more finished results than the capacity");
        Debug.Assert(_results.Count >= _finished.Count, "a finished key without its result");
    }
}
