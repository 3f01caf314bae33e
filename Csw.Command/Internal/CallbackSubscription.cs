using Csw.Params;

namespace Csw.Command.Internal;

/// <summary>Feeds a CurrentState stream to a callback until disposed; a callback that throws does not end it.</summary>
internal sealed class CallbackSubscription : IAsyncDisposable
{
    /// <summary>Ends the stream.</summary>
    private readonly CancellationTokenSource _stop = new();

    /// <summary>The pump; completes when the stream ends.</summary>
    private readonly Task _pump;

    public CallbackSubscription(IAsyncEnumerable<CurrentState> states, Action<CurrentState> onState)
    {
        _pump = PumpAsync(states, onState, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private static async Task PumpAsync(IAsyncEnumerable<CurrentState> states, Action<CurrentState> onState, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var state in states.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    onState(state);
                }
                catch (Exception e)
                {
                    // Nobody awaits the callback: report it, and keep the stream going.
                    System.Diagnostics.Trace.TraceError($"A CurrentState callback failed: {e}");
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            System.Diagnostics.Trace.TraceError($"A CurrentState subscription ended: {e.Message}");
        }
    }
}
