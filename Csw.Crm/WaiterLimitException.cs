namespace Csw.Crm;

/// <summary>
/// A QueryFinal was refused because <see cref="CrmOptions.MaxWaitersPerCommand"/> callers already
/// wait for that command. It says nothing of the command's outcome: ask again later.
/// </summary>
public sealed class WaiterLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WaiterLimitException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Which command and the limit.</param>
    public WaiterLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Which command and the limit.</param>
    /// <param name="innerException">The cause.</param>
    public WaiterLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
