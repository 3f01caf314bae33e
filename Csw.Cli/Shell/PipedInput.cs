namespace Csw.Cli.Shell;

/// <summary>
/// Lines from a pipe or a file (<c>csw shell &lt; session.txt</c>, the tests): read as they come,
/// with no prompt and no line editing, so that the output holds only what the submissions print.
/// </summary>
internal sealed class PipedInput(TextReader reader) : IShellInput
{
    public string? ReadLine(string prompt) => reader.ReadLine();
}
