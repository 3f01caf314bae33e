using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Akka.Actor;
using Csw.Framework.Internal.Observation;
using Csw.Params;

namespace Csw.Framework;

/// <summary>
/// Follows the components of the whole cluster in one stream: every CurrentState they publish and
/// every change of their lifecycle, for a subsystem, a prefix, or everything — and keeps following
/// as components come and go (an operator's console; <c>csw watch</c>). CSW has no such thing: it
/// needs a subscription per component.
/// </summary>
/// <remarks>
/// The actor system must be a member of the cluster (<c>akka.actor.provider = cluster</c>). The
/// stream starts once this member has subscribed; members farther away learn of the subscription
/// through the cluster's gossip, within about a second, and what they publish before that is not
/// seen. An observer that falls more than 4096 events behind loses the oldest.
/// </remarks>
public static class ComponentObserver
{
    private const int BufferSize = 4096;

    /// <summary>Observes the components that <paramref name="filter"/> names.</summary>
    /// <param name="system">A member of the cluster.</param>
    /// <param name="filter">
    /// Null or empty for every component; a subsystem (<c>WFOS</c>) for its components; a prefix
    /// (<c>WFOS.blue</c>) for the component with that prefix and those below it (<c>WFOS.blue.filter</c>).
    /// </param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <exception cref="ArgumentException">The filter names no subsystem, or the system is not a cluster member.</exception>
    public static IAsyncEnumerable<ComponentEvent> ObserveAsync(ActorSystem system, string? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (!ComponentTopics.IsClusterMember(system))
        {
            throw new ArgumentException($"{system.Name} is not a cluster member (akka.actor.provider = cluster): components publish to observers through the cluster.", nameof(system));
        }
        var (topics, admits) = Parse(filter);
        return ObserveAsync(system, topics, admits, cancellationToken);
    }

    private static async IAsyncEnumerable<ComponentEvent> ObserveAsync(ActorSystem system, IReadOnlyList<string> topics, Func<ComponentEvent, bool> admits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = Channel.CreateBounded<ComponentEvent>(new BoundedChannelOptions(BufferSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = events.Writer;
        var observer = system.ActorOf(Props.Create(() => new ObserverActor(topics, admits, writer, subscribed)));
        try
        {
            await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            await foreach (var change in events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            system.Stop(observer);
        }
    }

    private static (IReadOnlyList<string> Topics, Func<ComponentEvent, bool> Admits) Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return ([.. ComponentTopics.All], static _ => true);
        }
        if (!filter.Contains('.'))
        {
            return Enum.TryParse<Subsystem>(filter, ignoreCase: true, out var subsystem) && Enum.IsDefined(subsystem)
                ? ([ComponentTopics.For(subsystem)], static _ => true)
                : throw new ArgumentException($"'{filter}' is not a subsystem (WFOS, TCS, IRIS, ...) nor a prefix (WFOS.blue.filter).", nameof(filter));
        }
        var prefix = Prefix.Parse(filter);
        var text = prefix.ToString();
        return ([ComponentTopics.For(prefix.Subsystem)], change =>
        {
            var name = change.Component.Prefix.ToString();
            return name == text || name.StartsWith(text + ".", StringComparison.Ordinal);
        });
    }
}
