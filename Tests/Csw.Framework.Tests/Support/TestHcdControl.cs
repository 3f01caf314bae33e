using System.Collections.Concurrent;

namespace Csw.Framework.Tests.Support;

/// <summary>What a test sets and observes of its <see cref="TestHcd"/>.</summary>
internal sealed class TestHcdControl
{
    /// <summary>How many initialize attempts fail before one succeeds.</summary>
    public int InitializeFailures;

    /// <summary>Whether InitializeAsync returns null instead of a task.</summary>
    public bool InitializeReturnsNull;

    /// <summary>Whether InitializeAsync never finishes (until cancelled).</summary>
    public bool InitializeHangs;

    /// <summary>How many hanging InitializeAsync calls saw their token cancelled.</summary>
    public int InitializeCancellations;

    /// <summary>When set, every InitializeAsync waits for it before succeeding or failing.</summary>
    public TaskCompletionSource? InitializeGate;

    /// <summary>When set, the first InitializeAsync waits for it and ignores its cancellation (it outlives its timeout).</summary>
    public TaskCompletionSource? StubbornInitializeGate;

    /// <summary>OnSubmitAsync calls so far.</summary>
    public int Submits;

    /// <summary>What OnShutdownAsync does after noting the call.</summary>
    public ShutdownBehaviour Shutdown;

    /// <summary>Handler instances made so far.</summary>
    public int Instances;

    /// <summary>Initialize attempts so far.</summary>
    public int InitializeAttempts;

    /// <summary>The context the latest instance got.</summary>
    public CswContext? Context;

    /// <summary>Ticks of the timers started by the <c>timer</c> command.</summary>
    public int TimerTicks;

    /// <summary>Oneway calls so far.</summary>
    public int Oneways;

    /// <summary>Lifecycle handler calls, in order.</summary>
    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>Completes the <c>long</c> commands.</summary>
    public TaskCompletionSource LongCommandGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the <c>blocking</c> command's OnSubmit return.</summary>
    public TaskCompletionSource HandlerGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when the <c>blocking</c> command's OnSubmit has started.</summary>
    public TaskCompletionSource HandlerEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>What the test HCD's OnShutdownAsync does.</summary>
internal enum ShutdownBehaviour
{
    /// <summary>Returns at once.</summary>
    Returns,

    /// <summary>Throws.</summary>
    Throws,

    /// <summary>Never finishes.</summary>
    Hangs,
}
