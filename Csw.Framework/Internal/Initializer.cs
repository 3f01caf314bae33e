using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace Csw.Framework.Internal;

/// <summary>
/// The supervisor's initialize attempts: makes a fresh handlers instance, runs its
/// <see cref="ComponentHandlers.InitializeAsync"/> under the timeout (an Akka timer, so that tests
/// can drive it with a test scheduler), reports back with <see cref="InitializeFinished"/>, and
/// counts failures in a row to choose between trying again after a backoff and giving up. Used
/// only from the supervisor's turn.
/// </summary>
internal sealed class Initializer(Func<CswContext, ComponentHandlers> factory, CswContext context, ComponentOptions options, IActorRef supervisor)
{
    private const string TimeoutTimer = "initialize-timeout";

    /// <summary>What to do after an attempt.</summary>
    public enum Outcome
    {
        /// <summary>The late result of an abandoned attempt: nothing.</summary>
        Stale,

        /// <summary>The handlers are ready.</summary>
        Initialized,

        /// <summary>Try again with a fresh instance after <see cref="Backoff"/>.</summary>
        Retry,

        /// <summary>Too many failures in a row: shut down, saying <see cref="GiveUpReason"/>.</summary>
        GiveUp,
    }

    /// <summary>Numbers attempts, so that a late result of an abandoned attempt is ignored.</summary>
    private int _attempt;

    /// <summary>The attempt still running; 0 when none is.</summary>
    private int _running;

    /// <summary>Cancels the running attempt's <see cref="ComponentHandlers.InitializeAsync"/>.</summary>
    private CancellationTokenSource? _cancel;

    /// <summary>Failed attempts since the last success (or the last Restart asked for).</summary>
    private int _failures;

    /// <summary>The last attempt's failure.</summary>
    private Exception? _lastFailure;

    /// <summary>The current handlers instance; null until the first attempt made one.</summary>
    public ComponentHandlers? Handlers { get; private set; }

    /// <summary>The current instance's own InitializeAsync task, which may run on after its timeout (the restart fence waits for it).</summary>
    public Task? Initializing { get; private set; }

    /// <summary>After <see cref="Outcome.Retry"/>: how long to wait before the next attempt.</summary>
    public TimeSpan Backoff { get; private set; }

    /// <summary>After <see cref="Outcome.GiveUp"/>: why, naming the last failure.</summary>
    public string GiveUpReason { get; private set; } = "";

    /// <summary>Starts an attempt with a fresh handlers instance; its timeout is a timer of the supervisor's.</summary>
    public void Start(ITimerScheduler timers)
    {
        var attempt = _running = ++_attempt;
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        Task initializing;
        try
        {
            Handlers = factory(context);
            initializing = Handlers.InitializeAsync(_cancel.Token)
                ?? throw new InvalidOperationException($"{Handlers.GetType().Name}.InitializeAsync returned null instead of a task.");
        }
        catch (Exception e)
        {
            initializing = Task.FromException(e);
        }
        Initializing = initializing;
        timers.StartSingleTimer(TimeoutTimer, new InitializeTimedOut(attempt), context.ComponentInfo.InitializeTimeout);
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

    /// <summary>The attempt ran out of time: cancels its token, and it counts as failed.</summary>
    public InitializeFinished TimedOut(InitializeTimedOut timedOut)
    {
        if (timedOut.Attempt == _running)
        {
            _cancel?.Cancel();
        }
        var timeout = context.ComponentInfo.InitializeTimeout;
        return new InitializeFinished(timedOut.Attempt, new TimeoutException($"InitializeAsync did not finish within {Seconds(timeout)} (the component's initializeTimeout)."));
    }

    /// <summary>Abandons the running attempt, if any (the component shuts down): cancels its token and ignores its end.</summary>
    public void Abandon(ITimerScheduler timers)
    {
        timers.Cancel(TimeoutTimer);
        if (_running != 0)
        {
            _cancel?.Cancel();
            _running = 0;
        }
    }

    /// <summary>Forgets earlier failures (a Restart asked for starts a fresh count).</summary>
    public void ForgetFailures() => _failures = 0;

    /// <summary>What an attempt's end means; logs a failure that gives up (the supervisor logs a retry with <see cref="LogRetry"/>).</summary>
    public Outcome OnFinished(InitializeFinished finished, ITimerScheduler timers, ILogger log)
    {
        if (finished.Attempt != _running)
        {
            return Outcome.Stale;
        }
        _running = 0;
        timers.Cancel(TimeoutTimer);
        if (finished.Failure is not { } failure)
        {
            _failures = 0;
            return Outcome.Initialized;
        }
        _failures++;
        _lastFailure = failure;
        if (_failures > options.MaxInitializeRestarts)
        {
            var count = _failures == 1 ? ":" : $" {_failures} times in a row; the last time:";
            GiveUpReason = $"{context.ComponentInfo} failed to initialize{count} {failure.GetType().Name}: {failure.Message}";
            Log(log, "it shuts down.");
            return Outcome.GiveUp;
        }
        Backoff = options.InitializeBackoff.Next(_failures);
        return Outcome.Retry;
    }

    /// <summary>Logs the failure before a <see cref="Outcome.Retry"/>; called once the retry is scheduled, so that a reader of the log can count on it.</summary>
    public void LogRetry(ILogger log) => Log(log, $"trying again in {Seconds(Backoff)} with a fresh handlers instance.");

    // The exception goes to the logger, which prints it on lines of its own; a timeout's stack says
    // nothing, so its message is the whole story.
    private void Log(ILogger log, string next)
    {
        var failure = _lastFailure!;
        var timeout = failure is TimeoutException;
        log.LogError(
            timeout ? null : failure,
            "{Component} failed to initialize (attempt {Attempt} of {Attempts}); {Next} {Cause}",
            context.ComponentInfo,
            _failures,
            options.MaxInitializeRestarts + 1,
            next,
            timeout ? failure.Message : "InitializeAsync threw:");
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.###} s";
}
