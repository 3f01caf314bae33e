namespace Csw.Location;

/// <summary>A connection is already registered at another location.</summary>
public sealed class OtherLocationIsRegisteredException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OtherLocationIsRegisteredException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is registered where.</param>
    public OtherLocationIsRegisteredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is registered where.</param>
    /// <param name="innerException">The cause.</param>
    public OtherLocationIsRegisteredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
