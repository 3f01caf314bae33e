using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal;

/// <summary>Feeds a CurrentState stream to a callback until disposed; a callback that throws does not end it.</summary>
internal sealed class CallbackSubscription : IAsyncDisposable
{
    /// <summary>Ends the stream.</summary>
    private readonly CancellationTokenSource _stop = new();

    /// <summary>The pump; completes when the stream ends.</summary>
    private readonly Task _pump;

    public CallbackSubscription(IAsyncEnumerable<CurrentState> states, Action<CurrentState> onState, ILogger log)
    {
        _pump = PumpAsync(states, onState, log, _stop.Token);
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

    private static async Task PumpAsync(IAsyncEnumerable<CurrentState> states, Action<CurrentState> onState, ILogger log, CancellationToken cancellationToken)
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
                    log.LogError(e, "A CurrentState callback failed on {State}; the subscription goes on", state.StateName);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "A CurrentState subscription ended with an error");
        }
    }
}
