namespace Csw.Location.Internal.Etcd;

/// <summary>
/// etcd answered a request with an error of its own (e.g. "requested lease not found"): the member
/// is fine, so trying another would give the same answer.
/// </summary>
internal sealed class EtcdRequestException(string path, int code, string error)
    : LocationServiceException($"etcd refused {path}: {error} (gRPC code {code})")
{
    /// <summary>gRPC's NotFound, which etcd answers for a lease it does not know.</summary>
    private const int NotFound = 5;

    /// <summary>The gRPC status code etcd gave.</summary>
    public int Code { get; } = code;

    /// <summary>etcd's own message.</summary>
    public string Error { get; } = error;

    /// <summary>The lease a request named has expired or was never known (etcd lost its data).</summary>
    public bool IsLeaseNotFound => Code == NotFound && Error.Contains("lease not found", StringComparison.Ordinal);
}
