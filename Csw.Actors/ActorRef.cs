using Csw.Actors.Internal;

namespace Csw.Actors;

/// <summary>
/// The address of an actor, whatever messages it takes: what <see cref="Terminated"/> names and
/// what <see cref="IActorContext{T}.Watch"/> accepts. Send messages through <see cref="ActorRef{T}"/>.
/// </summary>
/// <remarks>Two references are equal when they name the same actor incarnation.</remarks>
public abstract class ActorRef
{
    private protected ActorRef()
    {
    }

    /// <summary>The actor's path, e.g. <c>csw://demo/user/wheel/motor</c>.</summary>
    public abstract ActorPath Path { get; }

    /// <summary>The system the actor belongs to.</summary>
    internal abstract ActorSystem System { get; }

    /// <summary>Delivers a system message (watch, stop, ...); never throws.</summary>
    internal abstract void SendSystem(SystemMessage message);

    /// <inheritdoc />
    public override string ToString() => Path.ToString();
}
