namespace Bench.Harness;

/// <summary>
/// One benchmark suite, run by name: <c>dotnet run -c Release --project Bench -- &lt;name&gt;</c>.
/// Suites are found by reflection, so adding one is adding a class; nobody edits Program.cs.
/// </summary>
public interface IBenchSuite
{
    /// <summary>The name given on the command line, e.g. <c>kernel</c>.</summary>
    string Name { get; }

    /// <summary>Runs the suite, reporting each figure as soon as it is measured.</summary>
    Task RunAsync(BenchReport report);
}
