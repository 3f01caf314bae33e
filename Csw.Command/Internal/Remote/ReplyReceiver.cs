using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Akka.Actor;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// A process's reply address for its batched commands (one per actor system, registered as a
/// temporary actor so that Akka.Remote delivers to it): it hands each answer of a
/// <see cref="ReplyBatch"/> to the caller waiting under its number, on the thread that read it, with
/// no mailbox in between. An answer nobody waits for any more (its caller timed out) is dropped.
/// </summary>
internal sealed class ReplyReceiver : MinimalActorRef
{
    private static readonly ConditionalWeakTable<ActorSystem, ReplyReceiver> Receivers = new();

    private readonly ConcurrentDictionary<long, TaskCompletionSource<object>> _waiting = new();
    private long _last;

    private ReplyReceiver(ExtendedActorSystem system)
    {
        System = system;
        Path = system.Provider.TempPath();
        system.Provider.RegisterTempActor(this, Path);
        Address = Path.ToSerializationFormatWithAddress(system.Provider.DefaultAddress);
    }

    public static ReplyReceiver For(ExtendedActorSystem system) => Receivers.GetValue(system, static system => new ReplyReceiver((ExtendedActorSystem)system));

    public ExtendedActorSystem System { get; }

    public override ActorPath Path { get; }

    public override IActorRefProvider Provider => System.Provider;

    /// <summary>The path that reaches this receiver from other processes.</summary>
    public string Address { get; }

    /// <summary>How many answers are awaited.</summary>
    public int Waiting => _waiting.Count;

    /// <summary>A new number, and the answer that comes under it.</summary>
    public (long Correlation, Task<object> Reply) Expect()
    {
        var correlation = Interlocked.Increment(ref _last);
        var reply = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[correlation] = reply;
        return (correlation, reply.Task);
    }

    /// <summary>Stop waiting under a number (its caller gave up).</summary>
    public void Forget(long correlation) => _waiting.TryRemove(correlation, out _);

    public void Complete(long correlation, object reply)
    {
        if (_waiting.TryRemove(correlation, out var waiting))
        {
            waiting.TrySetResult(reply);
        }
    }

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (message is ReplyBatch batch)
        {
            foreach (var (correlation, reply) in batch.Replies)
            {
                Complete(correlation, reply);
            }
        }
    }
}
