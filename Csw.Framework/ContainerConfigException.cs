namespace Csw.Framework;

/// <summary>
/// A container, component or host configuration is invalid; <see cref="JsonPath"/> says where (for
/// HOCON, the message also starts with the line and column).
/// </summary>
public sealed class ContainerConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    /// <param name="jsonPath">Where, e.g. <c>$.components[1].prefix</c>; <c>$</c> for the whole text (a syntax error).</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ContainerConfigException(string message, string jsonPath, Exception? innerException = null)
        : base(message, innerException) =>
        JsonPath = jsonPath;

    /// <summary>Where in the configuration the problem is, as a JSON path (the same for a HOCON file).</summary>
    public string JsonPath { get; }
}
