namespace Csw.Location.Internal.Etcd;

/// <summary>No etcd member answered, or a watch broke; callers see a <see cref="LocationServiceException"/>.</summary>
internal sealed class EtcdUnavailableException(string message, Exception? innerException = null) : LocationServiceException(message, innerException);
