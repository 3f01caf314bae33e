namespace Csw.Cli.Common;

/// <summary>A member's cluster port is taken or cannot be bound; the message says which and what to do.</summary>
internal sealed class ClusterPortException(string message, Exception inner) : Exception(message, inner);
