using Csw.Actors.Internal;
using Microsoft.Extensions.Logging;

namespace Csw.Actors;

/// <summary>
/// A set of actors sharing settings, a logger factory and a dead-letter count. Actors run on the
/// .NET thread pool; the system holds no thread of its own. Terminate it (or dispose it) to stop
/// every actor gracefully.
/// </summary>
/// <example>
/// <code>
/// await using var system = ActorSystem.Create("demo");
/// var greeter = system.Spawn(Props.FromFunc&lt;string&gt;((ctx, name) =&gt; ctx.Log.LogInformation("Hello {Name}", name)), "greeter");
/// greeter.Tell("world");
/// </code>
/// </example>
public sealed class ActorSystem : IAsyncDisposable
{
    /// <summary>The parent of top-level actors.</summary>
    private readonly Guardian _guardian;

    /// <summary>Completed once termination has finished.</summary>
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The kernel's own logger.</summary>
    private readonly ILogger _log;

    /// <summary>The first termination's task, returned to every caller.</summary>
    private Task<bool>? _termination;

    private ActorSystem(string name, ActorSystemOptions options)
    {
        Name = name;
        Options = options;
        _log = options.LoggerFactory.CreateLogger("Csw.Actors.ActorSystem");
        DeadLetters = new DeadLetterOffice(options.LoggerFactory.CreateLogger("Csw.Actors.DeadLetters"), options.DeadLettersLoggedInFull);
        _guardian = new Guardian(this);
    }

    /// <summary>The system's name, the first element of every actor path.</summary>
    public string Name { get; }

    /// <summary>The settings.</summary>
    public ActorSystemOptions Options { get; }

    /// <summary>Messages that could not be delivered so far (see <see cref="ActorRef{T}.Tell"/>).</summary>
    public long DeadLetterCount => DeadLetters.Count;

    /// <summary>Completes once <see cref="TerminateAsync"/> has finished.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>The top-level actors still running.</summary>
    public IReadOnlyList<ActorRef> TopLevelActors => _guardian.Children;

    internal DeadLetterOffice DeadLetters { get; }

    /// <summary>Creates a system.</summary>
    /// <param name="name">Letters, digits, '-' and '_'; used in actor paths.</param>
    /// <param name="options">Settings; <see cref="ActorSystemOptions.Default"/> when null.</param>
    public static ActorSystem Create(string name, ActorSystemOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Actor system name '{name}' may contain only letters, digits, '-' and '_'.", nameof(name));
        }
        options ??= ActorSystemOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Throughput, 1, nameof(options));
        return new ActorSystem(name, options);
    }

    /// <summary>Starts a top-level actor.</summary>
    /// <typeparam name="T">The actor's message type.</typeparam>
    /// <param name="props">How to make the actor.</param>
    /// <param name="name">A name unique among top-level actors; generated when null.</param>
    /// <exception cref="InvalidActorNameException">The name is taken or malformed.</exception>
    /// <exception cref="InvalidOperationException">The system is terminating.</exception>
    public ActorRef<T> Spawn<T>(Props<T> props, string? name = null) => _guardian.Spawn(props, name);

    /// <summary>Stops a top-level actor; its children stop first. Returns at once.</summary>
    /// <param name="actor">A top-level actor of this system.</param>
    /// <exception cref="ArgumentException">The actor is not a top-level actor of this system.</exception>
    public void Stop(ActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!_guardian.IsChild(actor))
        {
            throw new ArgumentException($"{actor.Path} is not a top-level actor of system '{Name}'; stop children from their parent.", nameof(actor));
        }
        actor.SendSystem(new StopActor());
    }

    /// <summary>
    /// Stops every actor, children before parents, each receiving <see cref="PostStop"/>.
    /// Later messages become dead letters and spawning fails.
    /// </summary>
    /// <param name="timeout">How long to wait; <see cref="ActorSystemOptions.TerminateTimeout"/> when null.</param>
    /// <returns>True if every actor stopped in time; false if some were still busy (they are logged).</returns>
    public Task<bool> TerminateAsync(TimeSpan? timeout = null)
    {
        lock (_terminated)
        {
            return _termination ??= TerminateOnceAsync(timeout ?? Options.TerminateTimeout);
        }
    }

    /// <summary>Terminates the system with the default timeout.</summary>
    public async ValueTask DisposeAsync() => await TerminateAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    private async Task<bool> TerminateOnceAsync(TimeSpan timeout)
    {
        _guardian.StopAll();
        var stopped = _guardian.AllStopped;
        var inTime = await Task.WhenAny(stopped, Task.Delay(timeout)).ConfigureAwait(false) == stopped;
        if (!inTime)
        {
            _log.LogWarning("Actor system {System} did not stop within {Timeout}; still running: {Actors}", Name, timeout, string.Join(", ", _guardian.Children.Select(a => a.Path)));
        }
        _terminated.TrySetResult();
        return inTime;
    }
}
