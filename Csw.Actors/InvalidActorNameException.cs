namespace Csw.Actors;

/// <summary>An actor name is taken among its siblings, empty, or contains a character that is not allowed.</summary>
public sealed class InvalidActorNameException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidActorNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
