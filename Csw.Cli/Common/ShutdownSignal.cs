using System.Runtime.InteropServices;

namespace Csw.Cli.Common;

/// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM) or the token is cancelled.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly List<PosixSignalRegistration> _registrations = [];

    private readonly CancellationTokenRegistration _cancellation;

    public ShutdownSignal(CancellationToken cancellationToken)
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Handled here: shut down in order instead of the runtime ending the process.
                context.Cancel = true;
                _requested.TrySetResult();
            }));
        }
        _cancellation = cancellationToken.Register(() => _requested.TrySetResult());
    }

    public Task Requested => _requested.Task;

    public void Dispose()
    {
        _cancellation.Dispose();
        _registrations.ForEach(registration => registration.Dispose());
    }
}
