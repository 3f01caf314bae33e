namespace Csw.Location.Internal.Cluster;

/// <summary>A majority of the cluster's members did not answer in time; callers see a <see cref="LocationServiceException"/>.</summary>
internal sealed class ClusterUnavailableException(string message, Exception? innerException = null) : LocationServiceException(message, innerException);
