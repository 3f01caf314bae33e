namespace Csw.Framework;

/// <summary>A container or component configuration is invalid; <see cref="JsonPath"/> says where.</summary>
public sealed class ContainerConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    /// <param name="jsonPath">Where, e.g. <c>$.components[1].prefix</c>.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ContainerConfigException(string message, string jsonPath, Exception? innerException = null)
        : base(message, innerException) =>
        JsonPath = jsonPath;

    /// <summary>Where in the JSON the problem is.</summary>
    public string JsonPath { get; }
}
