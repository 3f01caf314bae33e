namespace Csw.Cli.Common;

/// <summary>What <c>csw</c>'s exit code means; the same for every subcommand.</summary>
internal static class ExitCodes
{
    /// <summary>Done, and the answer was positive (Completed, Accepted, Started, found).</summary>
    public const int Ok = 0;

    /// <summary>Done, but the answer was negative (Error, Invalid, Locked, Cancelled, not found).</summary>
    public const int Negative = 1;

    /// <summary>The arguments or the configuration are wrong; nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>A server or component could not be reached, or refused the token.</summary>
    public const int Unavailable = 3;

    /// <summary>Components failed to start.</summary>
    public const int StartFailed = 4;
}
