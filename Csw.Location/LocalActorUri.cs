using System.Collections.Concurrent;
using Csw.Actors;

namespace Csw.Location;

/// <summary>
/// Addresses for in-process actors, CswNet's stand-in for CSW's actor-reference URIs: a component
/// running in this process registers <c>For(itsSupervisor)</c>; a client in this process turns the
/// URI back into the reference with <see cref="TryResolve{T}"/>.
/// </summary>
public static class LocalActorUri
{
    /// <summary>The actors handed out, by URI; entries are removed with <see cref="Forget"/>.</summary>
    private static readonly ConcurrentDictionary<string, ActorRef> Actors = new(StringComparer.Ordinal);

    /// <summary>The URI of an actor (its path), remembered so that it can be resolved in this process.</summary>
    /// <param name="actor">The actor.</param>
    public static Uri For(ActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var uri = new Uri(actor.Path.ToString());
        Actors[uri.ToString()] = actor;
        return uri;
    }

    /// <summary>The actor behind a URI made by <see cref="For"/> in this process.</summary>
    /// <typeparam name="T">The actor's message type.</typeparam>
    /// <param name="uri">The URI.</param>
    /// <param name="actor">The actor, when found and of that message type.</param>
    public static bool TryResolve<T>(Uri uri, out ActorRef<T> actor)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (Actors.TryGetValue(uri.ToString(), out var found) && found is ActorRef<T> typed)
        {
            actor = typed;
            return true;
        }
        actor = null!;
        return false;
    }

    /// <summary>Forgets an actor's URI (when it stops).</summary>
    /// <param name="actor">The actor.</param>
    public static void Forget(ActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Actors.TryRemove(new KeyValuePair<string, ActorRef>(new Uri(actor.Path.ToString()).ToString(), actor));
    }
}
