using Csw.Location;

namespace Csw.Cli.Common;

/// <summary>
/// A container given a location server waits for it, as one given seeds waits for the cluster: it
/// tries every second, says every 5 s on standard error that it is still trying, and goes on once
/// the server answers. A server that answers with a refusal (a wrong token, say) ends the wait at once.
/// </summary>
internal static class ServerWait
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    /// <summary>Returns once <paramref name="server"/> answers; throws what it answered when it refuses.</summary>
    /// <exception cref="LocationServerException">The server answered, refusing (its status code is set).</exception>
    /// <exception cref="OperationCanceledException">Stopped while waiting.</exception>
    public static async Task UntilAnswersAsync(ILocationService server, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var reported = TimeSpan.Zero;
        while (true)
        {
            try
            {
                await server.ListAsync(cancellationToken);
                return;
            }
            catch (LocationServerException e) when (e.StatusCode is null)
            {
                if (waited == TimeSpan.Zero || waited - reported >= ReportEvery)
                {
                    reported = waited;
                    await Console.Error.WriteLineAsync(waited == TimeSpan.Zero
                        ? $"{e.Message}; trying again every {Retry.TotalSeconds:0} s until it answers (Ctrl+C stops)."
                        : $"No answer from the location server at {e.ServerUri} after {waited.TotalSeconds:0} s; still trying.");
                }
            }
            await Task.Delay(Retry, cancellationToken);
            waited += Retry;
        }
    }
}
