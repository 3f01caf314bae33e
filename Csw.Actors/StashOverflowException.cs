namespace Csw.Actors;

/// <summary>A message was stashed while the stash was full.</summary>
public sealed class StashOverflowException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StashOverflowException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public StashOverflowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StashOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
