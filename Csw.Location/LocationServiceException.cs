namespace Csw.Location;

/// <summary>
/// A location service operation failed (CSW's <c>LocationServiceError</c>): one of
/// <see cref="OtherLocationIsRegisteredException"/>, <see cref="RegistrationFailedException"/>,
/// <see cref="UnregistrationFailedException"/> and <see cref="RegistrationListingFailedException"/>,
/// which travel on the wire under CSW's names (<c>{"_type": "OtherLocationIsRegistered", "msg": ...}</c>).
/// </summary>
public abstract class LocationServiceException : Exception
{
    private protected LocationServiceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
