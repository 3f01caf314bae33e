namespace Csw.Location;

/// <summary>The registered locations could not be listed (CSW's <c>RegistrationListingFailed</c>).</summary>
public sealed class RegistrationListingFailedException : LocationServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="innerException">The cause, if any.</param>
    public RegistrationListingFailedException(Exception? innerException = null)
        : base("unable to get the list of registered locations", innerException)
    {
    }
}
