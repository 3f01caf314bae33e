namespace Csw.Location;

/// <summary>An unregistration failed (CSW's <c>UnregistrationFailed</c>).</summary>
public sealed class UnregistrationFailedException : LocationServiceException
{
    /// <summary>Creates the exception for <paramref name="connection"/>.</summary>
    /// <param name="connection">The connection that could not be unregistered.</param>
    /// <param name="innerException">The cause, if any.</param>
    public UnregistrationFailedException(Connection connection, Exception? innerException = null)
        : base($"unable to unregister {connection ?? throw new ArgumentNullException(nameof(connection))}", innerException)
    {
        Connection = connection;
    }

    /// <summary>The connection that could not be unregistered.</summary>
    public Connection Connection { get; }
}
