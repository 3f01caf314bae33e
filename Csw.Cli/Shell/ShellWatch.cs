using System.Runtime.CompilerServices;

namespace Csw.Cli.Shell;

/// <summary>
/// A <c>Track</c> or <c>Subscribe</c> running in the background of the shell: it prints each
/// location change or CurrentState as it arrives until it is stopped — by Ctrl+C, by
/// <see cref="Dispose"/>, or when the shell ends. Keep it (<c>var w = Subscribe(hcd);</c>) to
/// go on working while it prints, or await it (<c>await Subscribe(hcd)</c>) to watch until Ctrl+C.
/// </summary>
public sealed class ShellWatch : IDisposable, IAsyncDisposable
{
    /// <summary>Cancelled to stop the watch (never disposed: it has no timer, and Stop may come at any time).</summary>
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Prints what arrives; ends, never faulted, once the watch stops.</summary>
    private readonly Task _run;

    /// <summary>Completed with <see cref="_run"/>, but never runs an awaiter inline on the thread that stopped the watch.</summary>
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _received;

    internal ShellWatch(string what, ShellOutput output, Func<Action<string>, CancellationToken, Task> watch)
    {
        What = what;
        _run = RunAsync(output, watch);
    }

    /// <summary>What is watched, e.g. <c>CurrentState of WFOS.blue.filter</c>.</summary>
    public string What { get; }

    /// <summary>How many changes or states have been printed so far.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>True until the watch is stopped (or what it watches ends or fails).</summary>
    public bool IsRunning => !_run.IsCompleted;

    /// <summary>Lets <c>await Subscribe(...)</c> wait until the watch stops.</summary>
    public TaskAwaiter GetAwaiter() => _stopped.Task.GetAwaiter();

    /// <summary>Stops the watch; it prints "(stopped ...)" once it has.</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Stops the watch.</summary>
    public void Dispose() => Stop();

    /// <summary>Stops the watch and waits until it has.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop();
        await _run;
    }

    /// <inheritdoc/>
    public override string ToString() => IsRunning
        ? $"(watching {What}: Ctrl+C or .Dispose() stops it)"
        : $"(stopped watching {What} after {Received})";

    private async Task RunAsync(ShellOutput output, Func<Action<string>, CancellationToken, Task> watch)
    {
        // Yield first: the submission that started the watch gets its value back at once.
        await Task.Yield();
        try
        {
            await watch(line =>
            {
                Interlocked.Increment(ref _received);
                output.WriteLine(line);
            }, _stop.Token);
            output.WriteLine(_stop.IsCancellationRequested ? $"(stopped watching {What})" : $"(watching {What} ended: the stream closed)");
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            output.WriteLine($"(stopped watching {What})");
        }
        catch (Exception e)
        {
            output.WriteLine($"(watching {What} failed: {e.GetType().Name}: {e.Message})");
        }
        finally
        {
            _stopped.SetResult();
        }
    }
}
