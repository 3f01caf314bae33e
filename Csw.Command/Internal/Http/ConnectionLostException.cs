namespace Csw.Command.Internal.Http;

/// <summary>The connection to a remote endpoint broke or could not be made; the operation may be tried again.</summary>
internal sealed class ConnectionLostException(string message, Exception? innerException = null) : Exception(message, innerException);
