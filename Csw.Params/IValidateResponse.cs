namespace Csw.Params;

/// <summary>The answer to Validate: <see cref="Accepted"/>, <see cref="Invalid"/> or <see cref="Locked"/>.</summary>
public interface IValidateResponse : ICommandResponse;
