namespace Csw.PubSub;

/// <summary>A subscription was refused: the publisher already serves <see cref="PubSubOptions.MaxSubscribers"/> subscribers.</summary>
public sealed class SubscriberLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SubscriberLimitException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Which publisher and its limit.</param>
    public SubscriberLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Which publisher and its limit.</param>
    /// <param name="innerException">The cause.</param>
    public SubscriberLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
