namespace Csw.Cli.Tests.Support;

/// <summary>The <c>csw</c> processes a test or fixture started, stopped together, the last started first.</summary>
public sealed class CswProcesses : IAsyncDisposable
{
    private readonly List<CswProcess> _started = [];

    /// <summary>The processes, in the order they were started.</summary>
    public IReadOnlyList<CswProcess> All => _started;

    /// <summary>What each process printed, to explain a failure.</summary>
    public string Outputs => string.Join("\n", _started.Select((process, i) => $"--- process {i} (pid {process.Id}):\n{process.Output}"));

    /// <summary>Keeps a process started elsewhere, to be stopped with the others.</summary>
    public CswProcess Keep(CswProcess process)
    {
        _started.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_started))
        {
            await process.DisposeAsync();
        }
    }
}
