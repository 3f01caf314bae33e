using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Csw.Tests.Shared;

/// <summary>
/// A process a test starts, its standard output and error collected line by line as they come
/// (interleaved) so that the test can wait for what it prints; killed on disposal if still running.
/// The suites' process wrappers (csw, the shell, the cluster member, the fault host) are made of one.
/// Those a test never disposed (its setup failed half way, say) are killed when the test run ends.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    /// <summary>Started and not yet disposed.</summary>
    private static readonly ConcurrentDictionary<ChildProcess, byte> Undisposed = new();

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var child in Undisposed.Keys)
        {
            try
            {
                child.Process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    };

    private readonly ConcurrentQueue<string> _lines = new();

    private readonly Action<string>? _onLine;

    private ChildProcess(Process process, Action<string>? onLine)
    {
        Process = process;
        _onLine = onLine;
        process.OutputDataReceived += (_, line) => Add(line.Data);
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Undisposed.TryAdd(this, 0);
    }

    /// <summary>The process itself, for its standard input, id and exit code.</summary>
    public Process Process { get; }

    /// <summary>The lines printed so far (enumerating takes a snapshot).</summary>
    public IEnumerable<string> Lines => _lines;

    /// <summary>Everything printed so far, standard output and error interleaved.</summary>
    public string Output => string.Join('\n', _lines);

    public bool HasExited => Process.HasExited;

    /// <summary>
    /// How to run <c>dotnet</c> <paramref name="assembly"/> from the test's output folder (also the
    /// working folder) with <paramref name="arguments"/>; the caller may add to it before <see cref="Start"/>.
    /// </summary>
    public static ProcessStartInfo Dotnet(string assembly, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    /// <summary>Starts <paramref name="start"/> with its output and error redirected; <paramref name="onLine"/> sees each line once it is collected.</summary>
    public static ChildProcess Start(ProcessStartInfo start, Action<string>? onLine = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start."), onLine);
    }

    /// <summary>Waits at most <paramref name="timeout"/> for the process to end, and for its output to be read; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var patience = new CancellationTokenSource(timeout);
        await Process.WaitForExitAsync(patience.Token);
        Process.WaitForExit(); // drains the redirected output
        return Process.ExitCode;
    }

    /// <summary>Sends <paramref name="signal"/> (as <c>kill</c> takes it, e.g. <c>-INT</c>) and waits for <c>kill</c>, not for the process.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Kills the process at once (SIGKILL), with its own children unless told otherwise, and waits for it to end.</summary>
    public async Task KillAsync(bool entireProcessTree = true)
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree);
            await Process.WaitForExitAsync();
        }
    }

    /// <summary>Kills the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Undisposed.TryRemove(this, out _);
        Process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
            _onLine?.Invoke(line);
        }
    }
}
