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
    private readonly ChildProcess _process;

    private ClusterNodeProcess(ChildProcess process) => _process = process;

    /// <summary>Everything printed so far.</summary>
    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a member on <paramref name="port"/> (0: any) joining through <paramref name="seeds"/>, registering <paramref name="register"/> (HCD pekko connections).</summary>
    public static ClusterNodeProcess Start(int port, IEnumerable<int> seeds, params string[] register)
    {
        var start = ChildProcess.Dotnet("ClusterNode.dll",
        [
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--seeds", string.Join(',', seeds.Select(seed => $"127.0.0.1:{seed.ToString(CultureInfo.InvariantCulture)}")),
            "--register", string.Join(',', register),
        ]);
        return new ClusterNodeProcess(ChildProcess.Start(start));
    }

    /// <summary>Waits until the member has printed <paramref name="text"/> at the start of a line.</summary>
    public Task WaitForAsync(string text, TimeSpan? timeout = null) =>
        TestWaits.AwaitAssertAsync(() => Assert.True(_process.Lines.Any(line => line.StartsWith(text, StringComparison.Ordinal)), $"no '{text}' yet; output:\n{Output}"),
            timeout ?? TestTime.DefaultTimeout * 4);

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public Task KillAsync() => _process.KillAsync(entireProcessTree: false);

    /// <summary>Stops the process (SIGSTOP): its sockets stay open, it answers nothing.</summary>
    public Task FreezeAsync() => _process.SignalAsync("-STOP");

    /// <summary>Lets a frozen process go on (SIGCONT).</summary>
    public Task ThawAsync() => _process.SignalAsync("-CONT");

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.Process.WaitForExitAsync().WaitAsync(timeout);
        return _process.Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.SignalAsync("-CONT"); // A frozen process would not die of SIGKILL until continued on some systems.
            await KillAsync();
        }
        await _process.DisposeAsync();
    }
}
