using Csw.Tests.Shared;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Csw.Cli.Tests.Support;

/// <summary>
/// <c>csw</c> run as a real process (<c>dotnet csw.dll ...</c> from the test's output folder), its
/// output collected line by line so that tests can wait for what it prints.
/// </summary>
public sealed class CswProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly ConcurrentQueue<string> _lines = new();

    private CswProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => Add(line.Data);
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything printed so far, standard output and error interleaved.</summary>
    public string Output => string.Join('\n', _lines);

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>csw</c> with <paramref name="arguments"/>; <paramref name="environment"/> adds variables.</summary>
    public static CswProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "csw.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The process must not pick up the developer's own settings.
        start.Environment["CSW_LOCATION"] = "";
        start.Environment["CSW_TOKEN"] = "";
        start.Environment["CLUSTER_SEEDS"] = "";
        start.Environment["INTERFACE_NAME"] = "";
        // Any free cluster port unless a test says otherwise: location servers, which default to
        // CSW's 3552, would otherwise collide with each other and with the developer's own.
        start.Environment["CLUSTER_PORT"] = "0";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = new CswProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        if (standardInput is not null)
        {
            process._process.StandardInput.Write(standardInput);
            process._process.StandardInput.Close();
        }
        return process;
    }

    /// <summary>Runs a one-shot command to its end: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        await using var process = Start(arguments);
        var exitCode = await process.WaitForExitAsync();
        return (exitCode, process.Output);
    }

    /// <summary>Waits until a printed line contains <paramref name="text"/>, and returns that line.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan? timeout = null)
    {
        string? found = null;
        await TestWaits.AwaitAssertAsync(
            () =>
            {
                found = _lines.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));
                if (found is null && _process.HasExited)
                {
                    Assert.Fail($"csw exited ({_process.ExitCode}) without printing '{text}':\n{Output}");
                }
                Assert.True(found is not null, $"csw has not printed '{text}' yet:\n{Output}");
            },
            timeout ?? TimeSpan.FromSeconds(60));
        return found!;
    }

    /// <summary>Waits until <paramref name="count"/> printed lines contain <paramref name="text"/>.</summary>
    public async Task WaitForLinesAsync(string text, int count, TimeSpan? timeout = null) =>
        await TestWaits.AwaitAssertAsync(
            () => Assert.True(_lines.Count(line => line.Contains(text, StringComparison.Ordinal)) >= count, $"csw has not printed '{text}' {count} times yet:\n{Output}"),
            timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>The first http:// address in <paramref name="line"/>.</summary>
    public static Uri UriIn(string line) =>
        new(System.Text.RegularExpressions.Regex.Match(line, @"http://[^\s;]+").Value);

    /// <summary>Waits for the process to end on its own.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var patience = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(patience.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Sends SIGINT, as Ctrl+C would, and waits for the exit code.</summary>
    public Task<int> InterruptAsync() => SignalAsync("-INT");

    /// <summary>Sends SIGTERM, as a service manager would, and waits for the exit code (at most <paramref name="timeout"/>).</summary>
    public Task<int> TerminateAsync(TimeSpan? timeout = null) => SignalAsync("-TERM", timeout);

    /// <summary>Stops the process (SIGSTOP), as a hung one: its sockets stay open, it answers nothing.</summary>
    public Task FreezeAsync() => SendAsync("-STOP");

    /// <summary>Lets a frozen process go on (SIGCONT).</summary>
    public Task ThawAsync() => SendAsync("-CONT");

    private async Task<int> SignalAsync(string signal, TimeSpan? timeout = null)
    {
        await SendAsync(signal);
        return await WaitForExitAsync(timeout);
    }

    private async Task SendAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Kills the process at once, as <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
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
