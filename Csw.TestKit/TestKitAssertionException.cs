namespace Csw.TestKit;

/// <summary>An expectation of the TestKit failed: what was expected, and what happened instead.</summary>
public sealed class TestKitAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TestKitAssertionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public TestKitAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was expected and what happened.</param>
    /// <param name="innerException">The last failure seen.</param>
    public TestKitAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
