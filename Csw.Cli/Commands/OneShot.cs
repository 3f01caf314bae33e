using Csw.Cli.Common;
using Csw.Command;
using Csw.Location;

namespace Csw.Cli.Commands;

/// <summary>Runs a one-shot command and turns its failures into a message and an exit code.</summary>
internal static class OneShot
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Negative;
        }
        catch (Exception e) when (e is LocationServiceException or CommandServiceException or TimeoutException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Unavailable;
        }
    }

    /// <summary>Finds the component, runs <paramref name="body"/> with its command service, and closes both and the client.</summary>
    public static async Task<int> WithComponentAsync(Client client, Params.Prefix target, Params.ComponentType? type, string? token, Func<ICommandService, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            var service = await Remote.CommandServiceAsync(client, target, type, token, cancellationToken);
            try
            {
                return await body(service);
            }
            finally
            {
                await CloseAsync(service);
            }
        }
        finally
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>Closes what a one-shot opened.</summary>
    public static async ValueTask CloseAsync(object service)
    {
        if (service is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
