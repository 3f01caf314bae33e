using Csw.Params;

namespace Csw.Crm;

/// <summary>
/// The component does not know the runId: it was never submitted there, or it finished and was
/// forgotten (see <see cref="CrmOptions.Retention"/>). This says nothing of the command's outcome;
/// it is never a command's final response. On CSW's wire it is
/// <c>Invalid(runId, IdNotAvailableIssue)</c>.
/// </summary>
public sealed class UnknownCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownCommandException()
        : this(new Id("unknown"), "The runId is not known.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Which runId, and why it may be unknown.</param>
    public UnknownCommandException(string message)
        : this(new Id("unknown"), message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Which runId, and why it may be unknown.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownCommandException(string message, Exception innerException)
        : base(message, innerException) =>
        RunId = new Id("unknown");

    /// <summary>Creates the exception for a runId.</summary>
    /// <param name="runId">The runId the component does not know.</param>
    /// <param name="message">Why it may be unknown.</param>
    public UnknownCommandException(Id runId, string message)
        : base(message) =>
        RunId = runId ?? throw new ArgumentNullException(nameof(runId));

    /// <summary>The runId the component does not know.</summary>
    public Id RunId { get; }

    /// <summary>Whether <paramref name="response"/> is the wire form of "unknown runId": <c>Invalid</c> with an <c>IdNotAvailableIssue</c>.</summary>
    /// <param name="response">A response to a Query or QueryFinal.</param>
    public static bool IsUnknown(ICommandResponse response) =>
        response is Invalid { Issue.Kind: CommandIssueKind.IdNotAvailableIssue };

    /// <summary>The response itself, or this exception if it is the wire form of "unknown runId".</summary>
    /// <param name="response">A response to a Query or QueryFinal.</param>
    /// <exception cref="UnknownCommandException">The response says the runId is unknown.</exception>
    public static ISubmitResponse ThrowIfUnknown(ISubmitResponse response) =>
        response is Invalid { Issue.Kind: CommandIssueKind.IdNotAvailableIssue } invalid
            ? throw new UnknownCommandException(invalid.RunId, invalid.Issue.Reason)
            : response;
}
