using Akka.Actor;
using Csw.Location;

namespace Csw.Framework.Internal;

/// <summary>Tracks the connections a component lists (<see cref="ComponentInfo.Connections"/>), telling its supervisor each change.</summary>
internal static class ConnectionTracking
{
    /// <summary>Starts tracking, when the component tracks at all; dispose the results to stop.</summary>
    public static IEnumerable<IDisposable> Start(ComponentInfo info, ILocationService locations, IActorRef supervisor)
    {
        if (info.LocationServiceUsage != LocationServiceUsage.RegisterAndTrackServices)
        {
            return [];
        }
        return [.. info.Connections.Select(connection => locations.Subscribe(Connection.Pekko(connection), change => supervisor.Tell(new LocationEventReceived(change))))];
    }
}
