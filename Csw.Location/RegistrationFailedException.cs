namespace Csw.Location;

/// <summary>A registration failed for another reason than a conflict (CSW's <c>RegistrationFailed</c>).</summary>
public sealed class RegistrationFailedException : LocationServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public RegistrationFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="connection"/>.</summary>
    /// <param name="connection">The connection that could not be registered.</param>
    /// <param name="innerException">The cause, if any.</param>
    public RegistrationFailedException(Connection connection, Exception? innerException = null)
        : base($"unable to register {connection ?? throw new ArgumentNullException(nameof(connection))}", innerException)
    {
    }
}
