using System.Diagnostics.CodeAnalysis;
using Akka.Actor;

namespace Csw.Location;

/// <summary>
/// The URIs of actors as a <see cref="PekkoRegistration"/> carries them (CSW registers an actor
/// reference by its URI): the actor's full path with its system's address and the actor's uid,
/// e.g. <c>akka://wfos/user/WFOS.blue.filter#1234567</c>, or
/// <c>akka.tcp://wfos@10.0.0.5:3552/user/WFOS.blue.filter#1234567</c> when the system is reachable
/// from other processes. The uid makes a successor at the same path a different actor.
/// </summary>
public static class ActorUri
{
    /// <summary>The URI of <paramref name="actor"/>, an actor of <paramref name="system"/>.</summary>
    /// <param name="actor">The actor.</param>
    /// <param name="system">Its actor system, whose address goes into the URI.</param>
    public static Uri For(IActorRef actor, ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(system);
        return new Uri(actor.Path.ToSerializationFormatWithAddress(Provider(system).DefaultAddress));
    }

    /// <summary>
    /// The actor behind a URI made by <see cref="For"/>, as <paramref name="system"/> reaches it: an
    /// actor of that system, or (when the system has remoting) of another one. False when the URI is
    /// not an actor's, or names an actor of this system that is gone (or a predecessor's uid).
    /// </summary>
    /// <param name="uri">The URI.</param>
    /// <param name="system">The actor system that will talk to the actor.</param>
    /// <param name="actor">The actor, when found.</param>
    public static bool TryResolve(Uri uri, ActorSystem system, [NotNullWhen(true)] out IActorRef? actor)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(system);
        actor = null;
        if (!ActorPath.TryParse(uri.OriginalString, out var path))
        {
            return false;
        }
        var provider = Provider(system);
        var resolved = provider.ResolveActorRef(path);
        if (resolved is null or Nobody or EmptyLocalActorRef || resolved.IsNobody() || ReferenceEquals(resolved, provider.DeadLetters))
        {
            return false;
        }
        // A predecessor's uid names another actor, even at the same path.
        if (path.Uid != ActorCell.UndefinedUid && resolved.Path.Uid != path.Uid)
        {
            return false;
        }
        actor = resolved;
        return true;
    }

    /// <summary>Whether <paramref name="actor"/> lives in this process (as opposed to behind remoting).</summary>
    /// <param name="actor">The actor.</param>
    public static bool IsLocal(IActorRef actor) => actor is IInternalActorRef { IsLocal: true };

    private static IActorRefProvider Provider(ActorSystem system) => ((ExtendedActorSystem)system).Provider;
}
