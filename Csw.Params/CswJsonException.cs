using System.Text.Json;

namespace Csw.Params;

/// <summary>
/// The JSON could not be read (or a value could not be written) as CSW's wire format: malformed or
/// truncated JSON, an unknown <c>_type</c>, key type or unit, a value of the wrong type, an invalid
/// prefix or ObsId, too many elements. <see cref="JsonException.Path"/> says where, e.g.
/// <c>$.paramSet[3].IntKey.values[2]</c>, and the message says what, starting with that path.
/// </summary>
public sealed class CswJsonException : JsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong, without the path.</param>
    /// <param name="path">Where, as a JSON path such as <c>$.paramSet[0].IntKey.values[2]</c>; null when writing.</param>
    /// <param name="byteOffset">The offset in the UTF-8 input of the token at fault, if known.</param>
    /// <param name="inner">The exception that revealed the problem, if any.</param>
    public CswJsonException(string problem, string? path = null, long? byteOffset = null, Exception? inner = null)
        : base(path is null ? problem : $"{path}: {problem}", path, null, null, inner)
    {
        Problem = problem;
        ByteOffset = byteOffset;
    }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }

    /// <summary>The offset in the UTF-8 input of the token at fault, if known.</summary>
    public long? ByteOffset { get; }
}
