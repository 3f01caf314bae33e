using System.Collections.Concurrent;
using Csw.Actors.Internal;
using Csw.Actors.Internal.Mailboxes;

namespace Csw.Actors.Tests.Internal.Mailboxes;

/// <summary>
/// A stand-in for an actor cell: records what the mailbox hands it, in order, with the turn each
/// message ran in (a turn reads <see cref="Throughput"/> once, at its start).
/// </summary>
internal sealed class RecordingInvoker<T>(int throughput = 100) : IMessageInvoker<T>
{
    private int _turns;

    private int _running;

    /// <summary>Everything handled, in order: user messages as themselves, system messages as their instances.</summary>
    public ConcurrentQueue<(object? Item, int Turn)> Handled { get; } = new();

    public ConcurrentQueue<T> Dropped { get; } = new();

    /// <summary>How often two calls overlapped; must stay 0.</summary>
    public int Overlaps;

    /// <summary>Replaces the handling of user messages; the default completes at once.</summary>
    public Func<T, ValueTask>? OnUser { get; set; }

    public volatile bool Suspended;

    public int Throughput
    {
        get
        {
            Interlocked.Increment(ref _turns);
            return throughput;
        }
    }

    public bool IsSuspended => Suspended;

    public ValueTask InvokeSystemAsync(SystemMessage message)
    {
        Enter();
        Handled.Enqueue((message, Volatile.Read(ref _turns)));
        Leave();
        return default;
    }

    public async ValueTask InvokeUserAsync(T message)
    {
        Enter();
        Handled.Enqueue((message, Volatile.Read(ref _turns)));
        if (OnUser is { } onUser)
        {
            await onUser(message);
        }
        Leave();
    }

    public void OnDropped(T message) => Dropped.Enqueue(message);

    private void Enter()
    {
        if (Interlocked.Increment(ref _running) != 1)
        {
            Interlocked.Increment(ref Overlaps);
        }
    }

    private void Leave() => Interlocked.Decrement(ref _running);
}
