namespace Csw.Location;

/// <summary>
/// The location server could not be reached, or refused a request for a reason other than the
/// location service errors CSW defines (a missing or wrong token, a request it could not read, an
/// internal failure). Raised only by the HTTP client of <see cref="LocationServiceFactory.CreateHttpClient"/>.
/// </summary>
public sealed class LocationServerException : LocationServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="serverUri">The server's address.</param>
    /// <param name="statusCode">The HTTP status it answered, or null when it did not answer.</param>
    /// <param name="message">What went wrong; it names the server.</param>
    /// <param name="innerException">The cause, if any.</param>
    public LocationServerException(Uri serverUri, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ServerUri = serverUri ?? throw new ArgumentNullException(nameof(serverUri));
        StatusCode = statusCode;
    }

    /// <summary>The server's address.</summary>
    public Uri ServerUri { get; }

    /// <summary>The HTTP status the server answered (e.g. 401), or null when it could not be reached or did not answer in time.</summary>
    public int? StatusCode { get; }
}
