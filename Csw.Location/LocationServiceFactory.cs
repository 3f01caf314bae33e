using Csw.Location.Internal;
using Microsoft.Extensions.Logging;

namespace Csw.Location;

/// <summary>Makes location services.</summary>
public static class LocationServiceFactory
{
    /// <summary>A location service held in this process's memory: the default when everything runs in one process.</summary>
    /// <param name="loggerFactory">Where failures of tracking callbacks are logged; nowhere when null.</param>
    public static ILocationService CreateEmbedded(ILoggerFactory? loggerFactory = null) =>
        CreateEmbedded(LocationServiceOptions.Default with { LoggerFactory = loggerFactory });

    /// <summary>A location service held in this process's memory, with settings.</summary>
    /// <param name="options">Host names, tracker buffers, logging.</param>
    /// <exception cref="ArgumentException">The buffer size is below 1 or the host name is empty.</exception>
    public static ILocationService CreateEmbedded(LocationServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TrackerBufferSize, 1, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Hostname, nameof(options));
        return new EmbeddedLocationService(options);
    }
}
