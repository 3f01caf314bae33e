using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Csw.Actors;

namespace Csw.Location;

/// <summary>
/// Addresses for actors in this process, CswNet's stand-in for CSW's actor-reference URIs: a
/// component running here registers a <see cref="PekkoRegistration"/> at <c>For(itsSupervisor)</c>;
/// a client in this process turns the URI back into the reference with <see cref="TryResolve{T}"/>.
/// </summary>
/// <remarks>
/// The URI is the actor's path plus a number unique in this process (<c>csw://sys/user/hcd?uid=7</c>),
/// so that two actor systems with the same name, or an actor and its successor at the same path,
/// never resolve to each other, and their locations differ (a fragment would not do: <see cref="Uri"/>
/// equality ignores fragments). The table holds actors weakly and drops an entry on
/// <see cref="Forget"/> or once its actor is collected: it cannot keep a stopped actor alive.
/// </remarks>
public static class LocalActorUri
{
    /// <summary>The URI handed out for each actor, so that asking twice gives the same URI.</summary>
    private static readonly ConditionalWeakTable<ActorRef, Uri> Uris = [];

    /// <summary>The actors handed out, by URI text, held weakly.</summary>
    private static readonly ConcurrentDictionary<string, WeakReference<ActorRef>> Actors = new(StringComparer.Ordinal);

    /// <summary>The last number given out.</summary>
    private static long s_lastId;

    /// <summary>The table's size after the last sweep of collected actors; the next sweep comes when it has doubled.</summary>
    private static int s_sweptAt = 64;

    /// <summary>The URI of an actor, remembered so that it can be resolved in this process; the same URI each time for the same actor.</summary>
    /// <param name="actorRef">The actor.</param>
    public static Uri For(ActorRef actorRef)
    {
        ArgumentNullException.ThrowIfNull(actorRef);
        var uri = Uris.GetValue(actorRef, static actor => new Uri($"{actor.Path}?uid={Interlocked.Increment(ref s_lastId)}"));
        // Added again after Forget, so that a re-registered actor resolves again.
        Actors.TryAdd(uri.ToString(), new WeakReference<ActorRef>(actorRef));
        SweepIfGrown();
        return uri;
    }

    /// <summary>The actor behind a URI made by <see cref="For"/> in this process, if it takes <typeparamref name="T"/> messages.</summary>
    /// <typeparam name="T">The actor's message type.</typeparam>
    /// <param name="uri">The URI.</param>
    /// <param name="actorRef">The actor, when found and of that message type.</param>
    public static bool TryResolve<T>(Uri uri, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorRef<T>? actorRef)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (Actors.TryGetValue(uri.ToString(), out var weak) && weak.TryGetTarget(out var found) && found is ActorRef<T> typed)
        {
            actorRef = typed;
            return true;
        }
        actorRef = null;
        return false;
    }

    /// <summary>Forgets an actor's URI (when it stops); <see cref="TryResolve{T}"/> no longer finds it until <see cref="For"/> is asked again.</summary>
    /// <param name="actorRef">The actor.</param>
    public static void Forget(ActorRef actorRef)
    {
        ArgumentNullException.ThrowIfNull(actorRef);
        if (Uris.TryGetValue(actorRef, out var uri))
        {
            Actors.TryRemove(uri.ToString(), out _);
        }
    }

    /// <summary>Drops entries whose actors were collected without being forgotten, when the table has doubled since the last sweep.</summary>
    private static void SweepIfGrown()
    {
        var sweptAt = Volatile.Read(ref s_sweptAt);
        if (Actors.Count < 2 * sweptAt || Interlocked.CompareExchange(ref s_sweptAt, int.MaxValue, sweptAt) != sweptAt)
        {
            return;
        }
        foreach (var (key, weak) in Actors)
        {
            if (!weak.TryGetTarget(out _))
            {
                Actors.TryRemove(new KeyValuePair<string, WeakReference<ActorRef>>(key, weak));
            }
        }
        Volatile.Write(ref s_sweptAt, Math.Max(64, Actors.Count));
    }
}
