using System.Threading.Channels;
using Csw.Actors;
using Csw.TestKit.Internal;

namespace Csw.TestKit;

/// <summary>
/// An actor a test controls: pass <see cref="Ref"/> wherever a reply address is wanted, then
/// assert on what arrives. Every wait has a finite default scaled by <see cref="TestTime"/>,
/// and a failed expectation throws <see cref="TestKitAssertionException"/> saying what came instead.
/// </summary>
/// <typeparam name="T">The type of the messages the probe accepts.</typeparam>
public sealed class TestProbe<T>
{
    /// <summary>What arrived and was not yet taken: messages of type T and <see cref="Terminated"/> signals.</summary>
    private readonly Channel<object?> _received = Channel.CreateUnbounded<object?>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The system the probe lives in.</summary>
    private readonly ActorSystem _system;

    /// <summary>The actor that watches on the probe's behalf; made on first need.</summary>
    private ActorRef<ActorRef>? _watcher;

    /// <summary>Creates a probe in <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="name">The probe actor's name; generated when null.</param>
    public TestProbe(ActorSystem system, string? name = null)
    {
        _system = system ?? throw new ArgumentNullException(nameof(system));
        Ref = system.Spawn(Props.Create<T>(() => new ProbeActor<T>(_received.Writer)), name);
    }

    /// <summary>The probe's address.</summary>
    public ActorRef<T> Ref { get; }

    /// <summary>Watches <paramref name="actor"/>: its <see cref="Terminated"/> will arrive at this probe.</summary>
    /// <param name="actor">The actor to watch.</param>
    public void Watch(ActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _watcher ??= _system.Spawn(Props.Create<ActorRef>(() => new ProbeWatcher(_received.Writer)));
        _watcher.Tell(actor);
    }

    /// <summary>Waits for the next message, whatever it is.</summary>
    /// <param name="max">The longest wait; <see cref="TestTime.DefaultTimeout"/> when null.</param>
    public async Task<T> ExpectMessageAsync(TimeSpan? max = null)
    {
        var next = await NextAsync(max, "a message").ConfigureAwait(false);
        return next is T message ? message : throw new TestKitAssertionException($"Expected a message of type {typeof(T).Name} but received {Describe(next)}.");
    }

    /// <summary>Waits for the next message and checks that it equals <paramref name="expected"/>.</summary>
    /// <param name="expected">The expected message.</param>
    /// <param name="max">The longest wait; <see cref="TestTime.DefaultTimeout"/> when null.</param>
    public async Task<T> ExpectMessageAsync(T expected, TimeSpan? max = null)
    {
        var message = await ExpectMessageAsync(max).ConfigureAwait(false);
        return Equals(message, expected) ? message : throw new TestKitAssertionException($"Expected {Describe(expected)} but received {Describe(message)}.");
    }

    /// <summary>Waits for the next message and checks that it is a <typeparamref name="TSub"/>.</summary>
    /// <typeparam name="TSub">The expected type.</typeparam>
    /// <param name="max">The longest wait; <see cref="TestTime.DefaultTimeout"/> when null.</param>
    public async Task<TSub> ExpectMessageAsync<TSub>(TimeSpan? max = null)
        where TSub : T
    {
        var message = await ExpectMessageAsync(max).ConfigureAwait(false);
        return message is TSub sub ? sub : throw new TestKitAssertionException($"Expected a {typeof(TSub).Name} but received {Describe(message)}.");
    }

    /// <summary>Checks that nothing arrives for <paramref name="duration"/>.</summary>
    /// <param name="duration">How long to watch; <see cref="TestTime.DefaultNoMessageWait"/> when null.</param>
    public async Task ExpectNoMessageAsync(TimeSpan? duration = null)
    {
        using var timeout = new CancellationTokenSource(duration ?? TestTime.DefaultNoMessageWait);
        try
        {
            var arrived = await _received.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
            if (arrived && _received.Reader.TryRead(out var unexpected))
            {
                throw new TestKitAssertionException($"Expected no message but received {Describe(unexpected)}.");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
    }

    /// <summary>Skips messages until one matches, and returns it.</summary>
    /// <param name="isTarget">Whether a message is the one sought.</param>
    /// <param name="max">The longest wait in all; <see cref="TestTime.DefaultTimeout"/> when null.</param>
    public async Task<T> FishForMessageAsync(Func<T, bool> isTarget, TimeSpan? max = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        var deadline = DateTime.UtcNow + (max ?? TestTime.DefaultTimeout);
        var skipped = new List<object?>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            object? next;
            try
            {
                next = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, "a matching message").ConfigureAwait(false);
            }
            catch (TestKitAssertionException e)
            {
                throw new TestKitAssertionException($"{e.Message} Skipped {skipped.Count}: {string.Join(", ", skipped.Take(10).Select(Describe))}.");
            }
            if (next is T message && isTarget(message))
            {
                return message;
            }
            skipped.Add(next);
        }
    }

    /// <summary>Waits for the next <paramref name="count"/> messages, in order of arrival.</summary>
    /// <param name="count">How many.</param>
    /// <param name="max">The longest wait in all; <see cref="TestTime.DefaultTimeout"/> when null.</param>
    public async Task<IReadOnlyList<T>> ReceiveMessagesAsync(int count, TimeSpan? max = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var deadline = DateTime.UtcNow + (max ?? TestTime.DefaultTimeout);
        var messages = new List<T>(count);
        while (messages.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            object? next;
            try
            {
                next = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, $"message {messages.Count + 1} of {count}").ConfigureAwait(false);
            }
            catch (TestKitAssertionException e)
            {
                throw new TestKitAssertionException($"{e.Message} Received {messages.Count} of {count}.");
            }
            messages.Add(next is T message ? message : throw new TestKitAssertionException($"Expected message {messages.Count + 1} of {count} but received {Describe(next)}."));
        }
        return messages;
    }

    /// <summary>Watches <paramref name="actor"/> (if not yet watched) and waits for its <see cref="Terminated"/>.</summary>
    /// <param name="actor">The actor expected to stop.</param>
    /// <param name="max">The longest wait; <see cref="TestTime.DefaultTimeout"/> when null.</param>
    public async Task<Terminated> ExpectTerminatedAsync(ActorRef actor, TimeSpan? max = null)
    {
        Watch(actor);
        var next = await NextAsync(max, $"Terminated({actor.Path})").ConfigureAwait(false);
        return next is Terminated terminated && ReferenceEquals(terminated.Actor, actor)
            ? terminated
            : throw new TestKitAssertionException($"Expected Terminated({actor.Path}) but received {Describe(next)}.");
    }

    private async Task<object?> NextAsync(TimeSpan? max, string expected)
    {
        var wait = max ?? TestTime.DefaultTimeout;
        if (_received.Reader.TryRead(out var ready))
        {
            return ready;
        }
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TestKitAssertionException($"Expected {expected} within {wait.TotalMilliseconds:0} ms, but nothing arrived at {Ref.Path}.");
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        Terminated t => $"Terminated({t.Actor.Path})",
        _ => $"{value.GetType().Name} {value}",
    };
}
