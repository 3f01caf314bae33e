using System.Security.Cryptography;
using System.Text;

namespace Csw.Shared.Http;

/// <summary>What an <c>Authorization</c> header says about the bearer token.</summary>
internal enum BearerVerdict
{
    /// <summary>The header carries the expected token.</summary>
    Valid,

    /// <summary>There is no <c>Authorization</c> header.</summary>
    Missing,

    /// <summary>The header is there, but not <c>Bearer</c> with the expected token.</summary>
    Wrong,
}

/// <summary>
/// Checks <c>Authorization: Bearer &lt;token&gt;</c>. The scheme is matched in any case (RFC 9110);
/// the token is compared as a SHA-256 digest, in constant time, so that neither the time taken nor
/// an early exit on a length mismatch tells a caller anything about the expected token.
/// </summary>
internal sealed class BearerToken(string token)
{
    private const string Scheme = "Bearer";

    /// <summary>The digest of the expected token; digests all have the same length.</summary>
    private readonly byte[] _expected = Digest(token);

    /// <summary>The verdict on an <c>Authorization</c> header's value (empty or null when absent).</summary>
    public BearerVerdict Check(string? authorization)
    {
        var header = authorization.AsSpan().Trim();
        if (header.IsEmpty)
        {
            return BearerVerdict.Missing;
        }
        if (header.Length <= Scheme.Length
            || !header[..Scheme.Length].Equals(Scheme, StringComparison.OrdinalIgnoreCase)
            || header[Scheme.Length] != ' ')
        {
            return BearerVerdict.Wrong;
        }
        var given = Digest(header[(Scheme.Length + 1)..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _expected) ? BearerVerdict.Valid : BearerVerdict.Wrong;
    }

    /// <summary>The fixed-length value that tokens are compared by.</summary>
    internal static byte[] Digest(ReadOnlySpan<char> token)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(token)];
        Encoding.UTF8.GetBytes(token, bytes);
        return SHA256.HashData(bytes);
    }
}
