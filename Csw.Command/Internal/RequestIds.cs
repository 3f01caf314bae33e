namespace Csw.Command.Internal;

/// <summary>Makes the request ids that CswNet's clients send with each Submit and Oneway (the same id in every retry of it).</summary>
internal static class RequestIds
{
    public static string New() => Guid.NewGuid().ToString("N");
}
