using System.Globalization;

namespace Csw.Faults.Tests.Support;

/// <summary>
/// The fault suite's figures: appended to <c>fault-figures.txt</c> beside the tests, which
/// <c>./test.sh</c> prints after the run (a passing test's own output is not shown).
/// </summary>
internal static class Figures
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "fault-figures.txt");

    private static readonly Lock Gate = new();

    public static void Report(string name, double value, string unit)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"  fault {name,-40} {value,14:#,0.###} {unit}");
        lock (Gate)
        {
            System.IO.File.AppendAllLines(File, [line]);
        }
    }
}
