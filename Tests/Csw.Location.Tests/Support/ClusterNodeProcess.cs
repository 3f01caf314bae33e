using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Csw.Tests.Shared;

namespace Csw.Location.Tests.Support;

/// <summary>
/// A cluster member in a process of its own (<c>dotnet ClusterNode.dll</c> from the test's output
/// folder): it joins, registers the prefixes it is given and prints what happens, so that tests can
/// kill it (SIGKILL), freeze it (SIGSTOP) and start it again.
/// </summary>
public sealed class ClusterNodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly ConcurrentQueue<string> _lines = new();

    private ClusterNodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => Add(line.Data);
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything printed so far.</summary>
    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a member on <paramref name="port"/> (0: any) joining through <paramref name="seeds"/>, registering <paramref name="register"/> (HCD pekko connections).</summary>
    public static ClusterNodeProcess Start(int port, IEnumerable<int> seeds, params string[] register)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ClusterNode.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--seeds");
        start.ArgumentList.Add(string.Join(',', seeds.Select(seed => $"127.0.0.1:{seed.ToString(CultureInfo.InvariantCulture)}")));
        start.ArgumentList.Add("--register");
        start.ArgumentList.Add(string.Join(',', register));
        return new ClusterNodeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Waits until the member has printed <paramref name="text"/> at the start of a line.</summary>
    public Task WaitForAsync(string text, TimeSpan? timeout = null) =>
        TestWaits.AwaitAssertAsync(() => Assert.True(_lines.Any(line => line.StartsWith(text, StringComparison.Ordinal)), $"no '{text}' yet; output:\n{Output}"),
            timeout ?? TestTime.DefaultTimeout * 4);

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the process (SIGSTOP): its sockets stay open, it answers nothing.</summary>
    public Task FreezeAsync() => SignalAsync("-STOP");

    /// <summary>Lets a frozen process go on (SIGCONT).</summary>
    public Task ThawAsync() => SignalAsync("-CONT");

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await SignalAsync("-CONT"); // A frozen process would not die of SIGKILL until continued on some systems.
            await KillAsync();
        }
        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, _process.Id.ToString(CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
