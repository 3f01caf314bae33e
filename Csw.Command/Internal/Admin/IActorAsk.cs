using Akka.Actor;
using Csw.Command.Internal.Remote;
using Csw.Command.Internal.Replies;

namespace Csw.Command.Internal.Admin;

/// <summary>Asks a component's supervisor and waits for the one reply.</summary>
internal interface IActorAsk
{
    /// <summary>Sends the request made for a reply address, and returns the reply.</summary>
    /// <exception cref="TimeoutException">No reply within <paramref name="timeout"/>.</exception>
    Task<TReply> AskAsync<TReply>(Func<IActorRef, object> request, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>A supervisor of this process, answered at a lean reply address.</summary>
internal sealed class LocalAsk(IInternalActorRef component) : IActorAsk
{
    /// <summary>The path every reply address shows.</summary>
    private readonly ActorPath _replyPath = component.Provider.TempPath();

    public Task<TReply> AskAsync<TReply>(Func<IActorRef, object> request, TimeSpan timeout, CancellationToken cancellationToken) =>
        ReplyRef<TReply>.AskAsync(component, _replyPath, request, timeout, cancellationToken);

    public override string ToString() => component.Path.ToString();
}

/// <summary>A supervisor in another process of the cluster, asked over Akka.Remote.</summary>
internal sealed class RemoteActorAsk(IActorRef component) : IActorAsk
{
    public Task<TReply> AskAsync<TReply>(Func<IActorRef, object> request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RemoteAsk.AskAsync<TReply>(component, request, timeout, cancellationToken);

    public override string ToString() => component.Path.ToString();
}
