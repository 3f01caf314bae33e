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

    /// <summary>Closes what a one-shot opened.</summary>
    public static async ValueTask CloseAsync(object service)
    {
        if (service is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
