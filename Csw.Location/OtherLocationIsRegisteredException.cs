namespace Csw.Location;

/// <summary>The connection is already registered at another location (CSW's <c>OtherLocationIsRegistered</c>).</summary>
public sealed class OtherLocationIsRegisteredException : LocationServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is registered where.</param>
    public OtherLocationIsRegisteredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for <paramref name="location"/>, refused because <paramref name="otherLocation"/> holds its connection.</summary>
    /// <param name="location">The location that could not be registered.</param>
    /// <param name="otherLocation">The location registered.</param>
    public OtherLocationIsRegisteredException(Location location, Location otherLocation)
        : base($"{location?.Connection.Name} is already registered at {otherLocation?.Uri} (another location than {location?.Uri}).")
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(otherLocation);
    }
}
