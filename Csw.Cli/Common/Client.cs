using Akka.Actor;
using Csw.Location;

namespace Csw.Cli.Common;

/// <summary>What a one-shot command opened to reach the components: a location service and, when it joined the cluster, its member.</summary>
internal sealed class Client(ILocationService locations, ClusterMember? member, IDisposable? logging) : IAsyncDisposable
{
    public ILocationService Locations { get; } = locations;

    /// <summary>The member's actor system, which commands components over Akka.Remote; null through a location server.</summary>
    public ActorSystem? System => member?.System;

    /// <summary>Closes the location service and leaves the cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        await LocationBackends.CloseAsync(Locations);
        if (member is not null)
        {
            await member.DisposeAsync();
        }
        logging?.Dispose();
    }
}
