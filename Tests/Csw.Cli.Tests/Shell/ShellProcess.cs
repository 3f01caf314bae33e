using Csw.Tests.Shared;

namespace Csw.Cli.Tests.Shell;

/// <summary>
/// <c>csw shell</c> as a real process whose standard input stays open, so that a test can type a
/// line, wait for what it prints, send Ctrl+C (SIGINT) and type on.
/// </summary>
internal sealed class ShellProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ShellProcess(ChildProcess process) => _process = process;

    /// <summary>Everything printed so far, standard output and error interleaved.</summary>
    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet csw.dll shell</c> with <paramref name="arguments"/> after it.</summary>
    public static ShellProcess Start(params string[] arguments)
    {
        var start = ChildProcess.Dotnet("csw.dll", ["shell", .. arguments]);
        start.RedirectStandardInput = true;
        // Not the developer's own settings.
        start.Environment["CSW_LOCATION"] = "";
        start.Environment["CSW_TOKEN"] = "";
        start.Environment["NO_COLOR"] = "1";
        return new ShellProcess(ChildProcess.Start(start));
    }

    /// <summary>Types a line.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.Process.StandardInput.WriteLineAsync(line);
        await _process.Process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until <paramref name="count"/> printed lines match <paramref name="predicate"/>.</summary>
    public async Task WaitForAsync(Func<string, bool> predicate, string what, int count = 1, TimeSpan? timeout = null) =>
        await TestWaits.AwaitAssertAsync(
            () =>
            {
                Assert.False(_process.HasExited && _process.Lines.Count(predicate) < count, $"csw shell exited without printing {what}:\n{Output}");
                Assert.True(_process.Lines.Count(predicate) >= count, $"csw shell has not printed {what} yet:\n{Output}");
            },
            timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Waits until a printed line equals <paramref name="line"/>, <paramref name="count"/> times.</summary>
    public Task WaitForLineAsync(string line, int count = 1) => WaitForAsync(l => l == line, $"'{line}'", count);

    /// <summary>Waits until a printed line contains <paramref name="text"/>, <paramref name="count"/> times.</summary>
    public Task WaitForTextAsync(string text, int count = 1) => WaitForAsync(l => l.Contains(text, StringComparison.Ordinal), $"a line with '{text}'", count);

    /// <summary>Sends SIGINT, as Ctrl+C at the terminal would.</summary>
    public Task InterruptAsync() => _process.SignalAsync("-INT");

    /// <summary>Closes standard input (end of input: the shell leaves) and waits for the exit code.</summary>
    public async Task<int> EndAsync(TimeSpan? timeout = null)
    {
        _process.Process.StandardInput.Close();
        return await _process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
