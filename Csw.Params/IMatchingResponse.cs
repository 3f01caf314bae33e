namespace Csw.Params;

/// <summary>The outcome of matching a state: <see cref="Completed"/>, <see cref="Invalid"/>, <see cref="Error"/> or <see cref="Locked"/>.</summary>
public interface IMatchingResponse : ICommandResponse;
