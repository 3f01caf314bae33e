using Csw.Location.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Csw.Location;

/// <summary>Makes location services.</summary>
public static class LocationServiceFactory
{
    /// <summary>A location service held in this process's memory: the default when everything runs in one process.</summary>
    /// <param name="loggerFactory">Where failures of tracking callbacks are logged; nowhere when null.</param>
    public static ILocationService CreateEmbedded(ILoggerFactory? loggerFactory = null) =>
        new EmbeddedLocationService((loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Csw.Location.Embedded"));
}
