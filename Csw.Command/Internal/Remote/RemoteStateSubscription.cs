using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Akka.Actor;
using Csw.Params;

namespace Csw.Command.Internal.Remote;

/// <summary>
/// A CurrentState subscription to a component in another process: a <see cref="StateReceiver"/>
/// subscribed with <see cref="ComponentMessage.SubscribeCurrentStateTo"/>, in place once
/// <see cref="StartAsync"/> returns. Disposing it unsubscribes and stops the receiver.
/// </summary>
internal sealed class RemoteStateSubscription : IAsyncEnumerable<CurrentState>, IAsyncDisposable
{
    /// <summary>States the reader may fall behind by before the oldest are dropped, as for subscriptions in one process.</summary>
    private const int BufferSize = 1024;

    private readonly IActorRef _component;
    private readonly IActorRef _receiver;
    private readonly ActorSystem _system;
    private readonly Channel<CurrentState> _states;
    private int _disposed;

    private RemoteStateSubscription(IActorRef component, ActorSystem system, Channel<CurrentState> states, IActorRef receiver)
    {
        _component = component;
        _system = system;
        _states = states;
        _receiver = receiver;
    }

    public static async Task<RemoteStateSubscription> StartAsync(IActorRef component, ActorSystem system, IReadOnlyList<StateName>? names, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var states = Channel.CreateBounded<CurrentState>(new BoundedChannelOptions(BufferSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var writer = states.Writer;
        var receiver = system.ActorOf(Props.Create(() => new StateReceiver(component, writer)));
        var subscription = new RemoteStateSubscription(component, system, states, receiver);
        try
        {
            await RemoteAsk.AskAsync<Status.Success>(component, replyTo => new ComponentMessage.SubscribeCurrentStateTo(names, receiver, replyTo), timeout, cancellationToken).ConfigureAwait(false);
            return subscription;
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public IAsyncEnumerator<CurrentState> GetAsyncEnumerator(CancellationToken cancellationToken = default) => ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _component.Tell(new ComponentMessage.UnsubscribeCurrentState(_receiver));
            _system.Stop(_receiver);
            _states.Writer.TryComplete();
        }
        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerable<CurrentState> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var state in _states.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return state;
        }
    }
}
