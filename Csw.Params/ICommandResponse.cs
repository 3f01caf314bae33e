namespace Csw.Params;

/// <summary>What every command response tells: the command's runId and whether the outcome is final, positive or negative.</summary>
public interface ICommandResponse
{
    /// <summary>The runId of the command this answers.</summary>
    Id RunId { get; }

    /// <summary>True for every response but <see cref="Started"/>: the command's outcome is known.</summary>
    bool IsFinal { get; }

    /// <summary>True for <see cref="Accepted"/> and <see cref="Completed"/>.</summary>
    bool IsPositive { get; }

    /// <summary>True for <see cref="Invalid"/>, <see cref="Error"/>, <see cref="Cancelled"/> and <see cref="Locked"/>.</summary>
    bool IsNegative { get; }
}
