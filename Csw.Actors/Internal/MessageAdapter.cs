namespace Csw.Actors.Internal;

/// <summary>A reference that maps messages of another type into its actor's messages (see <see cref="IActorContext{T}.MessageAdapter{TOther}"/>).</summary>
internal sealed class MessageAdapter<TOther, T>(ActorRef<T> target, Func<TOther, T> map) : ActorRef<TOther>, IMessageAdapter
{
    public override ActorPath Path => target.Path.Child("$adapter");

    internal override ActorSystem System => target.System;

    public override void Tell(TOther message) => target.Tell(map(message));

    ActorRef IMessageAdapter.Target => target;

    // Watching an adapter watches its actor.
    internal override void SendSystem(SystemMessage message) => target.SendSystem(message);

    public override bool Equals(object? obj) => obj is MessageAdapter<TOther, T> other && ReferenceEquals(other.Target, target) && other.Map == map;

    public override int GetHashCode() => HashCode.Combine(target, map);

    private ActorRef<T> Target => target;

    private Func<TOther, T> Map => map;
}
