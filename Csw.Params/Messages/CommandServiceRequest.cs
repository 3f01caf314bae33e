namespace Csw.Params.Messages;

/// <summary>
/// A request to a component's HTTP command endpoint (<c>POST /post-endpoint</c>), as CSW's
/// <c>CommandServiceRequest</c>: on the wire <c>{"_type": "Submit", "controlCommand": {...}}</c> and so on.
/// </summary>
public abstract record CommandServiceRequest
{
    private protected CommandServiceRequest()
    {
    }
}

/// <summary>Asks whether the component would accept <paramref name="ControlCommand"/>; answered by an <see cref="IValidateResponse"/>.</summary>
/// <param name="ControlCommand">The command to validate.</param>
public sealed record Validate(ControlCommand ControlCommand) : CommandServiceRequest;

/// <summary>Runs <paramref name="ControlCommand"/>; answered by an <see cref="ISubmitResponse"/>.</summary>
/// <param name="ControlCommand">The command to run.</param>
public sealed record Submit(ControlCommand ControlCommand) : CommandServiceRequest;

/// <summary>Runs <paramref name="ControlCommand"/> without tracking it; answered by an <see cref="IOnewayResponse"/>.</summary>
/// <param name="ControlCommand">The command to run.</param>
public sealed record Oneway(ControlCommand ControlCommand) : CommandServiceRequest;

/// <summary>Asks for the current response of the command <paramref name="RunId"/>; answered by an <see cref="ISubmitResponse"/>.</summary>
/// <param name="RunId">The command's runId.</param>
public sealed record Query(Id RunId) : CommandServiceRequest;

/// <summary>Puts the component in a diagnostic mode from <paramref name="StartTime"/>.</summary>
/// <param name="StartTime">When the mode starts.</param>
/// <param name="Hint">Which diagnostic mode.</param>
public sealed record ExecuteDiagnosticMode(UtcTime StartTime, string Hint) : CommandServiceRequest;

/// <summary>Puts the component back in operations mode.</summary>
public sealed record ExecuteOperationsMode() : CommandServiceRequest;

/// <summary>Puts the component online.</summary>
public sealed record GoOnline() : CommandServiceRequest;

/// <summary>Puts the component offline.</summary>
public sealed record GoOffline() : CommandServiceRequest;
