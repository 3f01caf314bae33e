using Csw.Tests.Shared;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Csw.Cli.Tests.Shell;

/// <summary>
/// <c>csw shell</c> as a real process whose standard input stays open, so that a test can type a
/// line, wait for what it prints, send Ctrl+C (SIGINT) and type on.
/// </summary>
internal sealed class ShellProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly ConcurrentQueue<string> _lines = new();

    private ShellProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => Add(line.Data);
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything printed so far, standard output and error interleaved.</summary>
    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet csw.dll shell</c> with <paramref name="arguments"/> after it.</summary>
    public static ShellProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "csw.dll"));
        start.ArgumentList.Add("shell");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Not the developer's own settings.
        start.Environment["CSW_LOCATION"] = "";
        start.Environment["CSW_TOKEN"] = "";
        start.Environment["NO_COLOR"] = "1";
        return new ShellProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Types a line.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until <paramref name="count"/> printed lines match <paramref name="predicate"/>.</summary>
    public async Task WaitForAsync(Func<string, bool> predicate, string what, int count = 1, TimeSpan? timeout = null) =>
        await TestWaits.AwaitAssertAsync(
            () =>
            {
                Assert.False(_process.HasExited && _lines.Count(predicate) < count, $"csw shell exited without printing {what}:\n{Output}");
                Assert.True(_lines.Count(predicate) >= count, $"csw shell has not printed {what} yet:\n{Output}");
            },
            timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Waits until a printed line equals <paramref name="line"/>, <paramref name="count"/> times.</summary>
    public Task WaitForLineAsync(string line, int count = 1) => WaitForAsync(l => l == line, $"'{line}'", count);

    /// <summary>Waits until a printed line contains <paramref name="text"/>, <paramref name="count"/> times.</summary>
    public Task WaitForTextAsync(string text, int count = 1) => WaitForAsync(l => l.Contains(text, StringComparison.Ordinal), $"a line with '{text}'", count);

    /// <summary>Sends SIGINT, as Ctrl+C at the terminal would.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Closes standard input (end of input: the shell leaves) and waits for the exit code.</summary>
    public async Task<int> EndAsync(TimeSpan? timeout = null)
    {
        _process.StandardInput.Close();
        using var patience = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(patience.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
