namespace Csw.Command;

/// <summary>
/// A remote component's endpoint refused a request or could not be reached: the error it sent
/// (CSW's <c>ServiceError</c>: <see cref="ErrorName"/> and the message), or a connection failure.
/// </summary>
public sealed class CommandServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorName">What kind of failure: <c>BadRequest</c>, <c>Unauthorized</c>, <c>PayloadTooLarge</c>, <c>Unavailable</c>, ...</param>
    /// <param name="message">What went wrong, for people.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public CommandServiceException(string errorName, string message, Exception? innerException = null)
        : base(message, innerException) =>
        ErrorName = errorName ?? throw new ArgumentNullException(nameof(errorName));

    /// <summary>What kind of failure, as CSW's <c>error_name</c>.</summary>
    public string ErrorName { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{ErrorName}: {Message}";
}
