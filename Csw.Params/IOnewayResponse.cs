namespace Csw.Params;

/// <summary>The answer to Oneway: <see cref="Accepted"/>, <see cref="Invalid"/> or <see cref="Locked"/>.</summary>
public interface IOnewayResponse : ICommandResponse;
