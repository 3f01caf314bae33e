using Microsoft.Extensions.Logging;

namespace Csw.Location;

/// <summary>Settings of a location service, immutable: change them with <c>with</c> or the <c>With...</c> methods.</summary>
public sealed record LocationServiceOptions
{
    /// <summary>The defaults: loopback hostnames, 256 buffered events per tracker, no logging.</summary>
    public static LocationServiceOptions Default { get; } = new();

    /// <summary>The host name put in the locations of HTTP and TCP registrations on the inside network; <c>127.0.0.1</c> by default.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>The host name put in the locations of HTTP registrations on the outside network; <see cref="Hostname"/> when null.</summary>
    public string? PublicHostname { get; init; }

    /// <summary>How many events a tracker may fall behind before its oldest are dropped (as CSW: 256).</summary>
    public int TrackerBufferSize { get; init; } = 256;

    /// <summary>Where failures of tracking callbacks are logged; nowhere when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>These options with <see cref="Hostname"/> set.</summary>
    /// <param name="hostname">The host name.</param>
    public LocationServiceOptions WithHostname(string hostname) =>
        this with { Hostname = string.IsNullOrWhiteSpace(hostname) ? throw new ArgumentException("A host name is not empty.", nameof(hostname)) : hostname };

    /// <summary>These options with <see cref="PublicHostname"/> set.</summary>
    /// <param name="publicHostname">The public host name.</param>
    public LocationServiceOptions WithPublicHostname(string publicHostname) =>
        this with { PublicHostname = string.IsNullOrWhiteSpace(publicHostname) ? throw new ArgumentException("A host name is not empty.", nameof(publicHostname)) : publicHostname };

    /// <summary>These options with <see cref="TrackerBufferSize"/> set.</summary>
    /// <param name="trackerBufferSize">Events per tracker, at least 1.</param>
    public LocationServiceOptions WithTrackerBufferSize(int trackerBufferSize) =>
        this with { TrackerBufferSize = trackerBufferSize >= 1 ? trackerBufferSize : throw new ArgumentOutOfRangeException(nameof(trackerBufferSize), trackerBufferSize, "At least 1.") };

    /// <summary>These options with <see cref="LoggerFactory"/> set.</summary>
    /// <param name="loggerFactory">Where to log.</param>
    public LocationServiceOptions WithLoggerFactory(ILoggerFactory? loggerFactory) => this with { LoggerFactory = loggerFactory };

    /// <summary>The host name for a registration's location.</summary>
    internal string HostnameFor(Registration registration) =>
        registration is HttpRegistration { NetworkType: NetworkType.Outside } ? PublicHostname ?? Hostname : Hostname;
}
