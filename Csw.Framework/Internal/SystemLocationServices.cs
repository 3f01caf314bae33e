using System.Runtime.CompilerServices;
using Csw.Actors;
using Csw.Location;

namespace Csw.Framework.Internal;

/// <summary>The default location service: one embedded service per actor system, so that the components of one system find each other and separate systems (e.g. parallel tests) do not collide.</summary>
internal static class SystemLocationServices
{
    private static readonly ConditionalWeakTable<ActorSystem, ILocationService> Services = [];

    public static ILocationService For(ActorSystem system) => Services.GetValue(system, static s => LocationServiceFactory.CreateEmbedded(s.Options.LoggerFactory));
}
