using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// The supervisor's initialize attempts: makes a fresh handlers instance, runs its
/// <see cref="ComponentHandlers.InitializeAsync"/> under the timeout, reports back with
/// <see cref="InitializeFinished"/>, and counts failures within the restart window to decide
/// between trying again and giving up. Used only from the supervisor's turn.
/// </summary>
internal sealed class Initializer(Func<CswContext, ComponentHandlers> factory, CswContext context, ComponentOptions options, IActorRef supervisor)
{
    /// <summary>What to do after an attempt.</summary>
    public enum Outcome
    {
        /// <summary>The late result of an abandoned attempt: nothing.</summary>
        Stale,

        /// <summary>The handlers are ready.</summary>
        Initialized,

        /// <summary>Try again with a fresh instance.</summary>
        Retry,

        /// <summary>Too many failures within the window: shut down.</summary>
        GiveUp,
    }

    /// <summary>When each failed attempt ended, to count them within the restart window.</summary>
    private readonly Queue<long> _failures = new();

    /// <summary>Numbers attempts, so that a late result of an abandoned attempt is ignored.</summary>
    private int _attempt;

    /// <summary>The current handlers instance; null until the first attempt made one.</summary>
    public ComponentHandlers? Handlers { get; private set; }

    /// <summary>The current instance's own InitializeAsync task, which may run on after its timeout (the restart fence waits for it).</summary>
    public Task? Initializing { get; private set; }

    /// <summary>Starts an attempt with a fresh handlers instance.</summary>
    public void Start()
    {
        var attempt = ++_attempt;
        Task initializing;
        try
        {
            Handlers = factory(context);
            initializing = InitializeWithTimeoutAsync(Handlers, context.ComponentInfo);
        }
        catch (Exception e)
        {
            initializing = Task.FromException(e);
        }
        initializing.ContinueWith(
            static (task, state) =>
            {
                var (supervisor, attempt) = ((IActorRef, int))state!;
                var failure = task.Exception?.InnerException ?? (task.IsCanceled ? new OperationCanceledException("InitializeAsync was cancelled.") : null);
                supervisor.Tell(new InitializeFinished(attempt, failure), ActorRefs.NoSender);
            },
            (supervisor, attempt),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Forgets earlier failures (a Restart asked for starts a fresh count).</summary>
    public void ForgetFailures() => _failures.Clear();

    /// <summary>What an attempt's end means; logs failures.</summary>
    public Outcome OnFinished(InitializeFinished finished, ILogger log)
    {
        if (finished.Attempt != _attempt)
        {
            return Outcome.Stale;
        }
        if (finished.Failure is not { } failure)
        {
            return Outcome.Initialized;
        }
        var now = Environment.TickCount64;
        _failures.Enqueue(now);
        while (_failures.Peek() < now - (long)options.InitializeRestartWindow.TotalMilliseconds)
        {
            _failures.Dequeue();
        }
        if (_failures.Count > options.MaxInitializeRestarts)
        {
            log.LogError(failure, "{Component} failed to initialize {Count} times within {Window}; shutting down", context.ComponentInfo, _failures.Count, options.InitializeRestartWindow);
            return Outcome.GiveUp;
        }
        log.LogError(failure, "{Component} failed to initialize; restarting it with a fresh handlers instance", context.ComponentInfo);
        return Outcome.Retry;
    }

    private async Task InitializeWithTimeoutAsync(ComponentHandlers handlers, ComponentInfo info)
    {
        using var timeout = new CancellationTokenSource();
        Initializing = null;
        var initializing = handlers.InitializeAsync(timeout.Token)
            ?? throw new InvalidOperationException($"{handlers.GetType().Name}.InitializeAsync returned null instead of a task.");
        Initializing = initializing;
        try
        {
            await initializing.WaitAsync(info.InitializeTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await timeout.CancelAsync().ConfigureAwait(false);
            throw new TimeoutException($"{info} did not finish initializing within {info.InitializeTimeout.TotalSeconds:0.###} s.");
        }
    }
}
