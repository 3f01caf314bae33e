namespace Csw.Actors;

/// <summary>A bounded mailbox with policy FailSender refused a message.</summary>
public sealed class MailboxFullException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MailboxFullException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public MailboxFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public MailboxFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
