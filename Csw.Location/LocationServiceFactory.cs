using Csw.Location.Internal;

namespace Csw.Location;

/// <summary>Makes location services.</summary>
public static class LocationServiceFactory
{
    /// <summary>A location service held in this process's memory: the default when everything runs in one process.</summary>
    public static ILocationService CreateEmbedded() => new EmbeddedLocationService();
}
