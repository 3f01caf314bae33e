using Akka.TestKit;
using Akka.TestKit.Xunit2;

namespace Csw.TestKit.Internal;

/// <summary>
/// xunit's assertions for one probe, each failure opening with the probe's name ("In the
/// CurrentState probe of HCD TCS.temp.controller: Timeout ..."), so that a test that waits on a
/// probe directly (<c>ExpectMsgAsync</c>) says which one timed out.
/// </summary>
internal sealed class NamedProbeAssertions(string probe) : ITestKitAssertions
{
    private readonly XunitAssertions _xunit = new();

    /// <summary>What opens every failure; braces doubled, as it becomes part of a format string.</summary>
    private readonly string _lead = $"In the {probe}: ".Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    public void Fail(string format = "", params object[] args) => _xunit.Fail(_lead + format, args);

    public void AssertTrue(bool condition, string format = "", params object[] args) => _xunit.AssertTrue(condition, _lead + format, args);

    public void AssertFalse(bool condition, string format = "", params object[] args) => _xunit.AssertFalse(condition, _lead + format, args);

    public void AssertEqual<T>(T expected, T actual, string format = "", params object[] args) => _xunit.AssertEqual(expected, actual, _lead + format, args);

    public void AssertEqual<T>(T expected, T actual, Func<T, T, bool> comparer, string format = "", params object[] args) => _xunit.AssertEqual(expected, actual, comparer, _lead + format, args);

    public Exception AssertThrows(Action action) => _xunit.AssertThrows(action);

    public TException AssertThrows<TException>(Action action)
        where TException : Exception => _xunit.AssertThrows<TException>(action);

    public Task<Exception> AssertThrowsAsync(Func<Task> func) => _xunit.AssertThrowsAsync(func);

    public Task<TException> AssertThrowsAsync<TException>(Func<Task> func)
        where TException : Exception => _xunit.AssertThrowsAsync<TException>(func);
}
